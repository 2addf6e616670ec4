"""Build the hand-written gold corpus (dev.jsonl, dev2.jsonl, dev3.jsonl, dev4.jsonl, heldout.jsonl) from its annotated source.

The source files (src/dev.txt, src/dev2.txt, src/heldout.txt) hold the articles with inline markup; this script
strips the markup, computes exact character offsets and writes one JSON object per article. Run it
after any edit and commit source and output together:

    .venv/bin/python tests/ingest/corpus/build.py          # rebuild both files
    .venv/bin/python tests/ingest/corpus/build.py --check  # fail if the JSONL is out of date

Source format (see docs/gold-format.md for the full description):

    === dev-01
    url: https://example.org/...
    outlet: Fictional Wire
    published: 2015-12-18T16:40:00+00:00
    case: syria-2015                 (or: none)
    title: Headline text
    ---
    Article text; paragraphs separated by one blank line.
    [[surface|actor-id]]             an actor mention
    {{surface|FORM}}                 a date; FORM is one of
                                       2015-12-18              a day
                                       2016-02-11~2016-02-12   an explicit range of days
                                       W2016-01-04             the week starting that Monday
                                       2016-01-early|mid|late  part of a month
                                       2016-01                 a month
                                       2016                    a year
                                       null:PRECISION          a date that cannot be resolved
    <q1> ... </q1>                   a named span (quotes q*, events e*, stances s*); a name may
                                     be used for several segments (split quotes); spans nest
    ---
    Q q1 | direct | speaker-id or - | speaker text | cue or -
    E e1 | TYPE | cameo or - | source or - | target or - | date or - | place or -
    S s1 | actor-id | issue-id | toward_min / toward_max / - | value or -
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPLITS = ("dev", "dev2", "dev3", "dev4", "heldout", "blind", "dev5", "dev6", "dev7", "dev9", "blind2", "dev10", "dev11", "blind3", "dev13", "dev12", "blind4", "dev14", "blind5", "dev15", "blind6", "dev17", "dev16", "blind7", "blind8", "dev18", "blind9", "dev19", "blind10", "blind11", "dev20", "blind13", "blind14", "blind15", "blind16", "blind17", "blind19", "blind18")
#: splits that annotate descriptive mentions (((surface|actor-id or -|type))); the others leave them out
DESCRIBED = ("blind", "dev5", "dev6", "blind2", "dev10", "dev11", "blind3", "dev13", "dev12", "blind4", "dev14", "blind5", "dev15", "blind6", "dev17", "dev16", "blind7", "blind8", "dev18", "blind9", "dev19", "blind10", "blind11", "blind13", "blind14", "blind15", "blind16", "blind17", "blind19", "blind18")
DESCRIPTION_TYPES = frozenset({"person", "state", "government", "armed_group", "political_group", "organisation",
                               "body", "group"})

# Actor ids shared with the syria-2015 case bundle.
CASE_ACTORS = frozenset(
    """issg unsc un hnc us russia uk france china germany italy iran iraq saudi-arabia turkey qatar uae
    jordan lebanon oman egypt arab-league eu oic syria-government syria isil al-nusra ahrar-al-sham
    jaysh-al-islam hezbollah sdf pyd national-coalition us-led-coalition john-kerry sergei-lavrov
    vladimir-putin bashar-al-assad barack-obama john-kirby samantha-power vitaly-churkin ban-ki-moon
    staffan-de-mistura ramzy-ezzeldin-ramzy nasser-judeh adel-al-jubeir mohammad-javad-zarif
    frank-walter-steinmeier philip-hammond federica-mogherini bashar-jaafari riyad-hijab
    mohammed-alloush fred-hof""".split()
)

# Ids used by the corpus outside the case bundle; every one is listed in docs/gold-format.md so
# that the world dictionary can carry them.
EXTRA_ACTORS = frozenset(
    """nato ypg national-coordination-body bahrain angola japan malaysia new-zealand senegal spain
    ukraine uruguay venezuela yemen yemen-government abd-rabbu-mansour-hadi houthis ali-abdullah-saleh
    saudi-led-coalition ismail-ould-cheikh-ahmed libya libya-gna libya-hor libya-gnc fayez-al-sarraj
    martin-kobler sudan sudan-government rsf sla-aw african-union unamid dmitry-peskov maria-zakharova
    angela-merkel francois-hollande ahmet-davutoglu bouthaina-shaaban mikhail-bogdanov matthew-rycroft
    mark-toner josh-earnest walid-al-moualem gennady-gatilov stephen-o-brien jan-egeland jean-marc-ayrault
    mevlut-cavusoglu sergei-shoigu igor-konashenkov icrc ocha wfp sarc free-syrian-army osce
    recep-tayyip-erdogan hassan-rouhani abdulmalik-al-mekhlafi kuwait thabo-mbeki colombia juan-manuel-santos farc colombia-government cuba norway
    south-sudan south-sudan-government salva-kiir riek-machar spla-io igad afghanistan afghanistan-government
    taliban pakistan splm-n jem canada stephane-dion jens-stoltenberg fumio-kishida
    hua-chunying wang-yi australia julie-bishop msf peter-maurer nabil-elaraby hossein-jaberi-ansari paulo-pinheiro
    hong-lei israel benjamin-netanyahu hassan-nasrallah pope-francis brazil abdel-fattah-el-sisi ireland charles-flanagan
    murray-mccully india v-k-singh sushma-swaraj sweden margot-wallstrom opcw ahmet-uzumcu
    mohammed-bin-abdulrahman-al-thani south-korea
    nicola-sturgeon kenya jose-manuel-garcia-margallo abdallah-al-mouallimi borge-brende maria-angela-holguin
    unhcr filippo-grandi netherlands bert-koenders jeanine-hennis-plasschaert mark-rutte ecowas mali mali-government cma
    minusma kadre-desire-ouedraogo algeria tammam-salam gebran-bassil poland witold-waszczykowski pavlo-klimkin
    kazakhstan erlan-idrissov ahmed-asiri mohammed-abdulsalam salih-muslim iyad-madani
    steffen-seibert martin-schaefer vikas-swarup sartaj-aziz ashraf-ghani alaa-youssef sameh-shoukry switzerland
    didier-burkhalter austria sebastian-kurz humberto-de-la-calle ivan-marquez
    abdullah-ii afonso-dhlakama alexander-hug antonio-garcia antonio-muchanga antony-blinken armando-guebuza
    arrmanatha-nasir asaad-al-zoubi ashton-carter aung-min benigno-aquino-iii boris-gryzlov
    bruno-rodriguez-parrilla chile cyril-ramaphosa delcy-rodriguez ecuador elisabeth-slattum eln
    espen-barth-eide feliciano-belmonte-jr ferdinand-marcos-jr festus-mogae fidel-agcaoili filipe-nyusi
    frank-pearl greece guillaume-long herminio-coloma-jr indonesia iryna-herashchenko jacinto-veloso jacob-zuma
    jesus-dureza jose-maria-sison joyce-anelay khaled-khoja kio knu maite-nkoana-mashabane
    marcelo-rebelo-de-sousa martin-sajdik matteo-renzi milf min-aung-hlaing miriam-coronel-ferrer mohagher-iqbal
    mozambique-government mustafa-akinci mutu-say-poe myanmar-government ndfp nicolas-maduro nicos-anastasiades
    paolo-gentiloni petro-poroshenko philippines-government rcss renamo retno-marsudi rodrigo-duterte
    sergei-ryabkov silvestre-bello-iii south-africa tatmadaw teresita-quintos-deles thailand thein-sein uwsa
    vijay-nambiar yevhen-marchuk yohei-sasakawa
    aguila-saleh-issa alan-holloway aleksandar-vucic andreas-mavroyiannis arlene-foster armenia azerbaijan
    basma-kodmani benjamin-william-mkapa burundi burundi-government catherine-ray christos-stylianides cnared
    colum-hegarty dimitris-avramopoulos dominican-republic eac edita-tahiri edward-nalbandian enda-kenny
    farah-al-atassi finland gaston-sindimwo hanaa-singer hanne-lundgren hekmat-khalil-karzai
    jean-claude-juncker jonathan-trimble katrin-oberle kerem-altan king-mohammed-vi kosovo lenita-toivakka
    liberat-mfumukeko maja-kocijancic margaritis-schinas marko-djuric martin-mcguinness mexico morocco
    nicolas-papadopoulos nicos-christodoulides numan-kurtulmus ozdil-nami pedro-agramunt peter-salama pkk
    rami-abdel-rahman raul-castro riad-naasan-agha rodrigo-londono salaheddine-mezouar serbia sergio-jaramillo
    serzh-sargsyan shahzada-shahid siobhan-duffy sohr tanju-bilgic tanzania theresa-villiers timo-soini
    tomas-vaitkus uganda unicef volker-perthes who wolfgang-ischinger yoweri-museveni zabihullah-mujahid
    andrew-marr anand-sharma cho-june-hyuck farid-rahman low-thia-khiang micheal-martin sean-barrett singapore
    vivian-balakrishnan yun-byung-se
    k-ramadas latha-devi anil-ghoshal helen-marsh peter-knowles rania-haddad isabella-lovin yoshihide-suga
    lim-sung-nam anifah-aman ahmad-zahid-hamidi nkosazana-dlamini-zuma michael-makuei gordon-whitlock
    helene-gagnon chantal-berube kevin-marchand omar-raza steve-inskeep rosalie-tuazon jun-villanueva
    monzer-makhous khaled-al-jarallah amin-hassan-omer hilary-benn crispin-blunt jeff-davis steve-warren
    anders-holm julia-brandt marta-kowalczyk marta-rinaldi khalifa-ghwell salem-al-meslet leila-haddad
    bob-corker ben-cardin oana-lungescu karen-koning-abuzayd yasir-arman
    george-brandis sarah-linton roberta-pinotti ali-al-sadiq
    malcolm-reid irina-volkova david-kerr aisling-moran mahboub-maalim hanna-lindqvist nafees-zakaria
    nimir-abdelrahman ibrahim-mukhtar alison-reid callum-baird nadia-karim omar-benali marta-lindqvist
    ahmad-farid-nazari leyla-demir salma-darwish ibrahim-mahmoud-hamid fuad-kassem sabah-al-khalid-al-sabah
    martin-uhomoibhi sergei-kuralenok helga-lindqvist pieter-aalders daniel-roussel luc-berube martha-keane
    syed-akbaruddin norbert-lammert katrin-albers abdullatif-al-zayani hossein-amir-abdollahian
    gwen-ashcombe roland-pike dafydd-rees alain-vercel helene-darrieux remi-dubois laure-vasseur ibrahim-kalin
    lena-ortiz faraj-hashem adel-al-toraifi dana-holt nick-farrant carol-west ritika-sen arvind-rao tricia-marwick
    s-mokgalapa m-g-boroto
    raynell-andreychuk marc-andre-tessier tzachi-hanegbi amnon-dror yael-barzilai
    moshe-yaalon rebecca-kadaga samuel-okwir-ebong beatrice-namagembe robert-kisembo pierre-nkurunziza norhana-salik
    al-haj-murad-ebrahim luis-fernando-velasco-chaves ivan-cepeda-castro ernesto-arbelaez-puerta
    juan-fernando-cristo-bustos alvaro-uribe the-elders kofi-annan lakhdar-brahimi gro-harlem-brundtland samer-haddad
    oas luis-almagro roberto-menendez eccas central-african-republic faustin-archange-touadera denis-sassou-nguesso
    ahmad-allam-mi catherine-samba-panza hikmat-hajiyev georgia herbert-salber gunther-bachler antti-turunen
    david-zalkaliani grigory-karasin somalia-government omar-abdirashid-ali-sharmarke puntland
    abdiweli-mohamed-ali-gaas abdirahman-osman-yusuf mohammed-al-dhawi
    pandikar-amin-mulia rosnah-abdul-karim reezal-merican-naina-merican abdul-ghafar-tengku-mohamed chong-wei-ming hannah-verlinden nizar-khatib rima-saadeh tarek-haddadin camila-restrepo andres-quintero mohammad-momani lina-odeh dmitry-mironchik vladimir-makei belarus leonid-kuchma alexander-lukashenko marianne-gasser robert-mardini abdul-rahman-attar jose-serra michel-temer smail-chergui jakaya-kikwete mario-giro nabil-sweidan ahmad-suleiman aizaz-ahmad-chaudhry richard-olson deng-xijun uhuru-kenyatta hailemariam-desalegn james-gatdet-dak seyoum-mesfin aung-san-suu-kyi myanmar zaw-htay lahpai-zau-raw
    nrc ingrid-haugland jmec grace-akello-ojok minusca parfait-onanga-anyanga vladimir-monteiro maarten-veldhoen ilse-verbeek joris-dammers malcolm-turnbull raza-rabbani saleem-durrani farhatullah-babar eiki-nestor priit-lepik marina-kaljurand estonia ghana abena-ofori-darko hanna-tetteh issahaku-mumuni-tia mary-costigan grainne-mulcahy sean-sherlock gerard-van-bohemen sai-kham-leng paw-htoo fahad-al-otaibi karim-abi-saab rima-flaihan nour-haddad carlos-eduardo-mejia luz-marina-caicedo
    abubakar-bukola-saraki ahmad-lawan amina-mohamed aqap basel-haffar botswana ethiopia farid-ahmadi farida-al-ansi gareth-bayley gatluak-deng javid-hamdard joe-biden konstantinos-koutras leila-nassar linas-linkevicius lithuania mike-gapes mohamed-abuzeid monsurat-sunmonu nadhim-zahawi nasrin-qaderi nigeria nikos-kotzias qcg rufus-rodriguez save-the-children selin-aydogan shehu-sani shekib-mostaghni tang-jiwen tewolde-mulugeta tedros-adhanom-ghebreyesus tobias-ellwood yasmin-qureshi
    abdoulaye-diop aden-duale aissata-diallo-kone amadou-sow ateny-wek-ateny basel-othman belgium bilal-ag-acherif carwyn-jones claire-dunmore conrado-abalos david-cameron didier-reynders dr-congo edem-kodjo elena-villaflor george-vella gwyneth-pryce hiba-ezzideen huw-tudor joseph-kabila joseph-kiprono-langat joseph-muscat judy-woodruff justin-muturi laila-kassab malta maman-sidikou mary-atieno-ochieng mohammad-shihadeh monusco nikolai-verkhovsky norhaida-mapandi nouri-abusahmain oksana-levchenko oxfam patrick-ilunga ramon-velarde ramtane-lamamra rose-achol-deng rosemary-butler sandrine-mukendi sophie-shevardnadze thomas-caldwell welsh-government
    abu-yasser ahmad-fatfat ahmed-bin-saeed-al-rumaihi al-qaeda amani-saleh anwar-bin-mohammed-gargash auhip austria-greens claire-vautrin claude-bartolone croatia david-miliband el-sadig-el-mahdi erdem-kocabas future-movement gpc herve-dumoulin ilias-ag-mahmoud irc isabelle-ferrand-morel iztok-mirosic johan-verbeeck karl-erjavec khalid-al-attiyah laurent-fabius minni-minawi mohammad-reza-karimi naim-qassem nathalie-lemaire national-umma-party new-slovenia ovp philippe-lazzarini pieter-van-hecke qatar-red-crescent sabah-al-ahmad-al-jaber-al-sabah sanna-virtanen sla-mm slovenia talal-silo tanja-wiesinger tobias-armbrecht ulrike-fassbinder
    abdullah-abdullah anjali-menon-vale australian-labor-party catalina-restrepo-velez faisal-mekdad habibullah-sarwari harjit-sajjan helen-clark helene-laverdiere hrc imad-fakhoury iom jerry-matjila john-key justin-trudeau karim-haddadin kavitha-sundaram kennedy-graham khin-mar-thant layla-bouzid liesl-amundsen marta-galindo matteo-sorrentino mullah-omar narendra-modi nilofar-rahimi nld nomvula-khumalo ohchr pastor-alape peter-dutton rachel-te-awa rafael-ramirez rajeev-menon riad-abbas rona-ambrose suresh-kumar-mehta tamsin-okafor thandeka-moloi undp unfpa william-lacy-swing zeid-raad-al-hussein""".split()
)
ACTORS = CASE_ACTORS | EXTRA_ACTORS

ISSUES = frozenset({"assad-role", "terrorist-list-scope", "talks-delegation", "ceasefire-timing"})
EVENT_TYPES = frozenset(
    """AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT INVESTIGATE DEMAND DISAPPROVE REJECT
    THREATEN PROTEST MOBILIZE SANCTION COERCE ASSAULT FIGHT""".split()
)
PRECISIONS = ("day", "week", "early", "mid", "late", "month", "year")
DIRECTIONS = frozenset({"toward_min", "toward_max"})

TOKEN = re.compile(
    r"\[\[(?P<a_text>[^\[\]|]+)\|(?P<a_id>[a-z0-9-]+)\]\]"
    r"|\(\((?P<m_text>[^()|]+)\|(?P<m_id>[a-z0-9-]+|-)\|(?P<m_type>[a-z_]+)\)\)"
    r"|\{\{(?P<d_text>[^{}|]+)\|(?P<d_form>[^{}|]+)\}\}"
    r"|<(?P<close>/?)(?P<name>[qes]\d+)>"
)


class SourceError(ValueError):
    pass


def _date_form(form: str, where: str) -> tuple[str | None, list[str] | None, str]:
    """FORM -> (value, range, precision)."""
    part = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
    try:
        if form.startswith("null:"):
            prec = form[5:]
            if prec not in PRECISIONS:
                raise SourceError(f"{where}: unknown precision {prec!r}")
            return None, None, prec
        if m := re.fullmatch(r"\d{4}-\d{2}-\d{2}", form):
            dt.date.fromisoformat(form)
            return form, None, "day"
        if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})~(\d{4}-\d{2}-\d{2})", form):
            a, b = dt.date.fromisoformat(m[1]), dt.date.fromisoformat(m[2])
            if not a < b:
                raise SourceError(f"{where}: range {form!r} is not increasing")
            return None, [m[1], m[2]], "day"
        if m := re.fullmatch(r"W(\d{4}-\d{2}-\d{2})", form):
            a = dt.date.fromisoformat(m[1])
            if a.weekday() != 0:
                raise SourceError(f"{where}: week {form!r} does not start on a Monday")
            return None, [a.isoformat(), (a + dt.timedelta(days=6)).isoformat()], "week"
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(early|mid|late)", form):
            y, mo = int(m[1]), int(m[2])
            lo, hi = part[m[3]]
            hi = min(hi, calendar.monthrange(y, mo)[1])
            return None, [dt.date(y, mo, lo).isoformat(), dt.date(y, mo, hi).isoformat()], m[3]
        if m := re.fullmatch(r"(\d{4})-(\d{2})", form):
            y, mo = int(m[1]), int(m[2])
            last = calendar.monthrange(y, mo)[1]
            return None, [dt.date(y, mo, 1).isoformat(), dt.date(y, mo, last).isoformat()], "month"
        if m := re.fullmatch(r"(\d{4})", form):
            return None, [f"{form}-01-01", f"{form}-12-31"], "year"
    except ValueError as exc:
        if isinstance(exc, SourceError):
            raise
        raise SourceError(f"{where}: bad date {form!r}: {exc}") from None
    raise SourceError(f"{where}: unknown date form {form!r}")


def _dash(value: str) -> str | None:
    value = value.strip()
    return None if value in {"-", ""} else value


def parse_markup(marked: str, where: str):
    """Strip the markup; return text, actor spans, date spans and named segments."""
    out: list[str] = []
    pos = 0  # position in the output text
    actors, dates, descriptions = [], [], []
    segments: dict[str, list[list[int]]] = {}
    open_: dict[str, int] = {}
    last = 0
    for m in TOKEN.finditer(marked):
        chunk = marked[last : m.start()]
        out.append(chunk)
        pos += len(chunk)
        last = m.end()
        if m["a_text"] is not None:
            text, actor = m["a_text"], m["a_id"]
            if actor not in ACTORS:
                raise SourceError(f"{where}: unknown actor id {actor!r} for {text!r}")
            actors.append({"start": pos, "end": pos + len(text), "text": text, "actor": actor})
            out.append(text)
            pos += len(text)
        elif m["m_text"] is not None:
            text, actor, kind = m["m_text"], _dash(m["m_id"]), m["m_type"]
            if actor is not None and actor not in ACTORS:
                raise SourceError(f"{where}: unknown actor id {actor!r} for {text!r}")
            if kind not in DESCRIPTION_TYPES:
                raise SourceError(f"{where}: unknown description type {kind!r} for {text!r}")
            descriptions.append({"start": pos, "end": pos + len(text), "text": text, "actor": actor, "type": kind})
            out.append(text)
            pos += len(text)
        elif m["d_text"] is not None:
            text = m["d_text"]
            value, rng, prec = _date_form(m["d_form"].strip(), where)
            dates.append(
                {"start": pos, "end": pos + len(text), "text": text, "value": value, "range": rng, "precision": prec}
            )
            out.append(text)
            pos += len(text)
        else:
            name = m["name"]
            if m["close"]:
                if name not in open_:
                    raise SourceError(f"{where}: </{name}> without <{name}>")
                segments.setdefault(name, []).append([open_.pop(name), pos])
            else:
                if name in open_:
                    raise SourceError(f"{where}: <{name}> opened twice")
                open_[name] = pos
    out.append(marked[last:])
    if open_:
        raise SourceError(f"{where}: unclosed spans {sorted(open_)}")
    text = "".join(out)
    for bad in ("[[", "]]", "{{", "}}", "((", "))", "<q", "<e", "<s", "</"):
        if bad in text:
            raise SourceError(f"{where}: stray markup {bad!r} in text: {text[text.index(bad) - 30: text.index(bad) + 30]!r}")
    return text, actors, dates, segments, descriptions


def _span(segments, name, where):
    if name not in segments:
        raise SourceError(f"{where}: no span <{name}> in the text")
    segs = segments[name]
    return segs[0][0], segs[-1][1], segs


def build_article(block: str, where: str, described: bool = False) -> dict:
    head, sep1, rest = block.partition("\n---\n")
    body, sep2, annots = rest.partition("\n---\n")
    if not sep1 or not sep2:
        raise SourceError(f"{where}: expected header, '---', text, '---', annotations")
    lines = head.strip().splitlines()
    art_id = lines[0].strip()
    meta = {}
    for line in lines[1:]:
        key, _, value = line.partition(":")
        meta[key.strip()] = value.strip()
    for key in ("url", "outlet", "published", "title", "case"):
        if key not in meta:
            raise SourceError(f"{where}: missing header {key!r}")
    dt.datetime.fromisoformat(meta["published"])
    text, actors, dates, segments, descriptions = parse_markup(body.strip(), where)
    if descriptions and not described:
        raise SourceError(f"{where}: descriptive mentions are annotated only in {', '.join(DESCRIBED)}")
    quotes, events, stances = [], [], []
    used = set()
    for line in annots.strip().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        kind, _, fields = line.partition(" ")
        f = [x.strip() for x in fields.split("|")]
        name = f[0]
        used.add(name)
        start, end, segs = _span(segments, name, f"{where} {name}")
        if kind == "Q":
            if len(f) != 5 or f[1] not in {"direct", "indirect"}:
                raise SourceError(f"{where}: bad quote line {line!r}")
            speaker, speaker_text, cue = _dash(f[2]), f[3], _dash(f[4])
            if speaker is not None and speaker not in ACTORS:
                raise SourceError(f"{where}: unknown speaker {speaker!r}")
            if speaker_text not in text:
                raise SourceError(f"{where}: speaker text {speaker_text!r} not in text")
            if cue is not None and cue not in text:
                raise SourceError(f"{where}: cue {cue!r} not in text")
            content = " ".join(text[a:b] for a, b in segs)
            quotes.append(
                {"start": start, "end": end, "content": content, "direct": f[1] == "direct",
                 "speaker": speaker, "speaker_text": speaker_text, "cue": cue}
            )
        elif kind == "E":
            if len(f) != 7 or f[1] not in EVENT_TYPES:
                raise SourceError(f"{where}: bad event line {line!r}")
            src, tgt, date = _dash(f[3]), _dash(f[4]), _dash(f[5])
            for a in (src, tgt):
                if a is not None and a not in ACTORS:
                    raise SourceError(f"{where}: unknown event actor {a!r}")
            if date is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
                raise SourceError(f"{where}: event date {date!r} is not YYYY-MM-DD")
            events.append(
                {"event_type": f[1], "cameo": _dash(f[2]), "source": src, "target": tgt, "date": date,
                 "place": _dash(f[6]), "start": start, "end": end}
            )
        elif kind == "S":
            if len(f) != 5 or f[1] not in ACTORS or f[2] not in ISSUES:
                raise SourceError(f"{where}: bad stance line {line!r}")
            direction = _dash(f[3])
            if direction is not None and direction not in DIRECTIONS:
                raise SourceError(f"{where}: bad direction {direction!r}")
            value = _dash(f[4])
            stances.append(
                {"actor": f[1], "issue": f[2], "direction": direction,
                 "value": None if value is None else float(value), "start": start, "end": end}
            )
        else:
            raise SourceError(f"{where}: unknown annotation kind {kind!r}")
    unused = set(segments) - used
    if unused:
        raise SourceError(f"{where}: spans without annotation: {sorted(unused)}")
    case = None if meta["case"] in {"none", "null", "-"} else meta["case"]
    return {
        "id": art_id,
        "url": meta["url"],
        "outlet": meta["outlet"],
        "published": meta["published"],
        "title": meta["title"],
        "text": text,
        "case": case,
        "gold": {
            "actors": sorted(actors, key=lambda x: x["start"]),
            "quotes": sorted(quotes, key=lambda x: x["start"]),
            "dates": sorted(dates, key=lambda x: x["start"]),
            "events": sorted(events, key=lambda x: x["start"]),
            "stances": sorted(stances, key=lambda x: x["start"]),
            **({"descriptions": descriptions} if described else {}),
        },
    }


def build_split(split: str) -> list[dict]:
    src = (HERE / "src" / f"{split}.txt").read_text(encoding="utf-8")
    blocks = [b for b in re.split(r"^=== ", src, flags=re.M)[1:]]
    arts = []
    for i, block in enumerate(blocks):
        where = f"src/{split}.txt article {i + 1} ({block.split(chr(10), 1)[0].strip()})"
        arts.append(build_article(block, where, split in DESCRIBED))
    ids = [a["id"] for a in arts]
    if len(set(ids)) != len(ids):
        raise SourceError(f"src/{split}.txt: duplicate ids")
    return arts


def render(arts: list[dict]) -> str:
    return "".join(json.dumps(a, ensure_ascii=False, sort_keys=False) + "\n" for a in arts)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    status = 0
    for split in SPLITS:
        try:
            arts = build_split(split)
        except SourceError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        out = HERE / f"{split}.jsonl"
        new = render(arts)
        if check:
            if not out.exists() or out.read_text(encoding="utf-8") != new:
                print(f"{out.name} is out of date: run tests/ingest/corpus/build.py", file=sys.stderr)
                status = 1
        else:
            out.write_text(new, encoding="utf-8")
            counts = {k: sum(len(a["gold"][k]) for a in arts) for k in ("actors", "quotes", "dates", "events", "stances")}
            print(f"{split}: {len(arts)} articles, {counts}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
