"""Reading the news: articles in, cited candidate records out (actors, quotes, dates, events, stances),
then a review queue. See docs/ingest.md.

    from accord.ingest.pipeline import Pipeline
    from accord.ingest.document import Article
    result = Pipeline()(Article(text=..., published=date(2015, 12, 18))).result()
    # with a case's actors, issues and words (its stance cues): Pipeline.for_case(snapshot)
"""
