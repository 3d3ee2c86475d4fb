namespace CommunityRules.SampleNetwork;

/// <summary>
/// Sentence templates for one language. Placeholders: <c>{topic}</c> (group subject), <c>{office}</c>,
/// <c>{weekday}</c>, <c>{n}</c> (a small number) and <c>{name}</c> (a colleague's first name).
/// Poll templates put each option on a line of its own.
/// </summary>
internal sealed class Phrasebook
{
    public required string[] Weekdays { get; init; }

    public required string[] Descriptions { get; init; }

    public required string[] PostTitles { get; init; }

    public required string[] PostSentences { get; init; }

    public required string[] Closers { get; init; }

    public required string[] QuestionTitles { get; init; }

    public required string[] Questions { get; init; }

    public required string ThanksInAdvance { get; init; }

    public required string[] Answers { get; init; }

    public required string[] AnnouncementTitles { get; init; }

    public required string[] Announcements { get; init; }

    public required string[] PollTitles { get; init; }

    public required string[] Polls { get; init; }

    public required string VoteBy { get; init; }

    public required string[] Comments { get; init; }

    /// <summary>Lead-in before an e-mail address or phone number.</summary>
    public required string ContactIntro { get; init; }

    /// <summary>Lead-in before a link.</summary>
    public required string MoreInfo { get; init; }

    public static Phrasebook For(Language language) => language switch
    {
        Language.Swedish => Swedish,
        Language.Norwegian => Norwegian,
        Language.Danish => Danish,
        Language.Finnish => Finnish,
        _ => English,
    };

    private static readonly Phrasebook Swedish = new()
    {
        Weekdays = ["måndag", "tisdag", "onsdag", "torsdag", "fredag"],
        Descriptions =
        [
            "Här samlas vi som arbetar med {topic} för att dela nyheter, frågor och goda exempel.",
            "Gruppen för {topic} på Nordlys. Ställ frågor, dela erfarenheter och håll dig uppdaterad.",
            "Forum för {topic}: information, diskussioner och tips från kollegor.",
        ],
        PostTitles = ["Nytt från {topic}", "Veckans uppdatering", "Inför {weekday}", "Sammanfattning av mötet", "Bra att veta"],
        PostSentences =
        [
            "Vi har nu uppdaterat rutinerna för {topic} och de nya riktlinjerna gäller från och med {weekday}.",
            "Stort tack till alla som var med på workshopen i {office} i veckan, vi fick in {n} konkreta förslag.",
            "Kvartalets siffror ser bra ut och vi ligger något före plan, även om det finns saker att förbättra.",
            "Kom ihåg att uppdatera era uppgifter i systemet innan {weekday} så att rapporten blir rätt.",
            "{name} har sammanställt en kort guide om hur vi arbetar med {topic}, den finns i dokumentbiblioteket.",
            "Vi söker fler som vill vara med i referensgruppen, hör av er om ni är intresserade.",
            "Nästa träff blir på {weekday} klockan 10 i stora konferensrummet i {office}, det bjuds på kaffe och bulle.",
            "Det har kommit frågor om semesterplaneringen, så här kommer en påminnelse om vad som gäller.",
            "Vi testar ett nytt arbetssätt under {n} veckor framåt och utvärderar sedan tillsammans.",
            "Välkommen till de nya kollegorna som började hos oss i {office} den här månaden!",
            "Kundnöjdheten har ökat med {n} procent sedan i våras, bra jobbat allihop.",
            "Presentationen från fredagens genomgång ligger nu uppe, titta gärna igenom den innan nästa möte.",
        ],
        Closers = ["Hör av er om ni har frågor!", "Trevlig helg allihop!", "Tack för ert engagemang.", "Ha en fin vecka!", "Kommentera gärna nedan."],
        QuestionTitles = ["Fråga om {topic}", "Någon som vet?", "Behöver hjälp"],
        Questions =
        [
            "Är det någon som vet hur man bokar projektorn i {office}? Jag hittar inte rätt formulär.",
            "Vilken mall ska vi använda för offerter nu efter omorganisationen?",
            "Hur gör ni andra när en kund vill ändra en beställning efter leverans?",
            "Finns det någon sammanställning över vem som ansvarar för vad inom {topic}?",
            "Vet någon när den nya versionen av tidrapporteringen kommer?",
            "Har någon erfarenhet av att köra digitala workshops med fler än {n} deltagare?",
        ],
        ThanksInAdvance = "Tack på förhand!",
        Answers =
        [
            "Du hittar formuläret under Självservice på intranätet, längst ner på sidan.",
            "Vi har använt den nya mallen sedan i våras, jag skickar den till dig.",
            "Prata med {name}, som kan mest om det här.",
            "Det står i rutinbeskrivningen, avsnitt {n}. Säg till om du inte hittar den.",
            "Vi hade samma problem förra månaden, lösningen var att starta om klienten och logga in igen.",
            "Enligt IT kommer den efter sommaren, men inget exakt datum än.",
        ],
        AnnouncementTitles = ["Viktig information till alla medarbetare", "Organisationsförändring", "Resultat för kvartalet", "Välkommen till vår nya chef"],
        Announcements =
        [
            "Vi har haft ett starkt kvartal och jag vill tacka var och en av er för ert arbete. Omsättningen ökade med {n} procent.",
            "Från och med den första nästa månad samlar vi kundservice i Norden under en gemensam ledning.",
            "Nästa vecka håller vi medarbetarmöte i {office}, det sänds även digitalt till alla kontor.",
            "Vi har beslutat att investera i ett nytt affärssystem som införs stegvis under det kommande året.",
            "Vår hållbarhetsrapport är nu publicerad. Tack till alla som bidragit med underlag.",
        ],
        PollTitles = ["Omröstning", "Tyck till!", "Vad föredrar du?"],
        Polls =
        [
            "Vilken dag passar bäst för nästa AW?\n1) Onsdag\n2) Torsdag\n3) Fredag",
            "Hur vill ni ha nästa utbildning?\n1) På plats i {office}\n2) Digitalt\n3) Blandat",
            "Vad ska vi ha till fikat på {weekday}?\n1) Kanelbullar\n2) Frukt\n3) Chokladbollar",
            "Hur ofta vill ni ha teammöten?\n1) Varje vecka\n2) Varannan vecka\n3) En gång i månaden",
        ],
        VoteBy = "Rösta senast på {weekday}!",
        Comments =
        [
            "Bra initiativ, tack för att du delar!",
            "Håller med, det här har vi efterfrågat länge.",
            "Jag anmäler mig gärna, säg till om ni behöver hjälp med något.",
            "Tack för informationen, jag skickar vidare till mitt team.",
            "Kan vi ta upp det här på nästa avdelningsmöte?",
            "Superbra jobbat allihop, det märks att ni lagt ner mycket tid.",
            "Finns presentationen någonstans så att vi som inte var med kan läsa?",
            "Vi i {office} tar gärna del av erfarenheterna.",
            "Intressant! Hur har kunderna reagerat hittills?",
            "Grattis, helt välförtjänt!",
        ],
        ContactIntro = "Hör av dig till",
        MoreInfo = "Mer info:",
    };

    private static readonly Phrasebook Norwegian = new()
    {
        Weekdays = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag"],
        Descriptions =
        [
            "Her samles vi som jobber med {topic} for å dele nyheter, spørsmål og gode eksempler.",
            "Gruppen for {topic} i Nordlys. Still spørsmål, del erfaringer og hold deg oppdatert.",
            "Forum for {topic}: informasjon, diskusjoner og tips fra kolleger.",
        ],
        PostTitles = ["Nytt fra {topic}", "Ukens oppdatering", "Før {weekday}", "Oppsummering fra møtet", "Greit å vite"],
        PostSentences =
        [
            "Vi har nå oppdatert rutinene for {topic}, og de nye retningslinjene gjelder fra {weekday}.",
            "Tusen takk til alle som deltok på workshopen i {office} denne uken, vi fikk inn {n} konkrete forslag.",
            "Kvartalstallene ser bra ut, og vi ligger litt foran plan, selv om det fortsatt er ting å forbedre.",
            "Husk å oppdatere informasjonen i systemet før {weekday} slik at rapporten blir riktig.",
            "{name} har laget en kort veiledning om hvordan vi jobber med {topic}, den ligger i dokumentbiblioteket.",
            "Vi søker flere som vil være med i referansegruppen, gi beskjed hvis du er interessert.",
            "Neste samling blir på {weekday} klokken 10 i det store møterommet i {office}, og det blir kaffe og boller.",
            "Det har kommet spørsmål om ferieavviklingen, så her er en påminnelse om hva som gjelder.",
            "Vi tester en ny arbeidsform de neste {n} ukene og evaluerer sammen etterpå.",
            "Velkommen til de nye kollegene som startet hos oss i {office} denne måneden!",
            "Kundetilfredsheten har økt med {n} prosent siden i vår, godt jobbet alle sammen.",
            "Presentasjonen fra fredagens gjennomgang er lagt ut, ta gjerne en titt før neste møte.",
        ],
        Closers = ["Si fra hvis dere har spørsmål!", "God helg alle sammen!", "Takk for innsatsen.", "Ha en fin uke!", "Kommenter gjerne under."],
        QuestionTitles = ["Spørsmål om {topic}", "Noen som vet?", "Trenger hjelp"],
        Questions =
        [
            "Er det noen som vet hvordan man booker prosjektoren i {office}? Jeg finner ikke riktig skjema.",
            "Hvilken mal skal vi bruke for tilbud nå etter omorganiseringen?",
            "Hvordan gjør dere andre det når en kunde vil endre en bestilling etter levering?",
            "Finnes det en oversikt over hvem som har ansvar for hva innen {topic}?",
            "Vet noen når den nye versjonen av timeregistreringen kommer?",
            "Har noen erfaring med å kjøre digitale workshops med flere enn {n} deltakere?",
        ],
        ThanksInAdvance = "Takk på forhånd!",
        Answers =
        [
            "Du finner skjemaet under Selvbetjening på intranettet, helt nederst på siden.",
            "Vi har brukt den nye malen siden i vår, jeg sender den til deg.",
            "Snakk med {name}, som kan mest om dette.",
            "Det står i rutinebeskrivelsen, punkt {n}. Si fra hvis du ikke finner den.",
            "Vi hadde samme problem forrige måned, løsningen var å starte klienten på nytt og logge inn igjen.",
            "Ifølge IT kommer den etter sommeren, men det er ingen eksakt dato ennå.",
        ],
        AnnouncementTitles = ["Viktig informasjon til alle ansatte", "Organisasjonsendring", "Resultater for kvartalet", "Velkommen til vår nye leder"],
        Announcements =
        [
            "Vi har hatt et sterkt kvartal, og jeg vil takke hver enkelt av dere for innsatsen. Omsetningen økte med {n} prosent.",
            "Fra den første neste måned samler vi kundeservice i Norden under felles ledelse.",
            "Neste uke holder vi allmøte i {office}, og det strømmes også til alle kontorer.",
            "Vi har besluttet å investere i et nytt forretningssystem som innføres gradvis i løpet av det kommende året.",
            "Bærekraftsrapporten vår er nå publisert. Takk til alle som har bidratt med underlag.",
        ],
        PollTitles = ["Avstemning", "Si din mening!", "Hva foretrekker du?"],
        Polls =
        [
            "Hvilken dag passer best for neste sosiale kveld?\n1) Onsdag\n2) Torsdag\n3) Fredag",
            "Hvordan vil dere ha neste kurs?\n1) Fysisk i {office}\n2) Digitalt\n3) En blanding",
            "Hva skal vi ha til kaffen på {weekday}?\n1) Skoleboller\n2) Frukt\n3) Vafler",
            "Hvor ofte vil dere ha teammøter?\n1) Hver uke\n2) Annenhver uke\n3) En gang i måneden",
        ],
        VoteBy = "Stem innen {weekday}!",
        Comments =
        [
            "Godt initiativ, takk for at du deler!",
            "Enig, dette har vi etterlyst lenge.",
            "Jeg blir gjerne med, si fra hvis dere trenger hjelp med noe.",
            "Takk for informasjonen, jeg sender det videre til teamet mitt.",
            "Kan vi ta dette opp på neste avdelingsmøte?",
            "Kjempebra jobbet alle sammen, det merkes at dere har lagt ned mye tid.",
            "Ligger presentasjonen et sted, slik at vi som ikke var der kan lese den?",
            "Vi i {office} vil gjerne høre om erfaringene.",
            "Interessant! Hvordan har kundene reagert så langt?",
            "Gratulerer, helt fortjent!",
        ],
        ContactIntro = "Ta kontakt på",
        MoreInfo = "Mer info:",
    };

    private static readonly Phrasebook Danish = new()
    {
        Weekdays = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag"],
        Descriptions =
        [
            "Her samles vi, der arbejder med {topic}, for at dele nyheder, spørgsmål og gode eksempler.",
            "Gruppen for {topic} i Nordlys. Stil spørgsmål, del erfaringer og hold dig opdateret.",
            "Forum for {topic}: information, diskussioner og tips fra kolleger.",
        ],
        PostTitles = ["Nyt fra {topic}", "Ugens opdatering", "Inden {weekday}", "Opsamling fra mødet", "Godt at vide"],
        PostSentences =
        [
            "Vi har nu opdateret procedurerne for {topic}, og de nye retningslinjer gælder fra {weekday}.",
            "Tak til alle, der deltog i workshoppen i {office} i denne uge, vi fik {n} konkrete forslag.",
            "Kvartalets tal ser fine ud, og vi ligger lidt foran planen, selvom der stadig er ting at forbedre.",
            "Husk at opdatere jeres oplysninger i systemet inden {weekday}, så rapporten bliver korrekt.",
            "{name} har lavet en kort vejledning om, hvordan vi arbejder med {topic}. Den ligger i dokumentbiblioteket.",
            "Vi søger flere, der vil være med i referencegruppen, så skriv endelig, hvis du er interesseret.",
            "Næste møde bliver {weekday} klokken 10 i det store mødelokale i {office}, og der er kaffe og rundstykker.",
            "Der er kommet spørgsmål om ferieplanlægningen, så her er en påmindelse om reglerne.",
            "Vi afprøver en ny arbejdsform de næste {n} uger og evaluerer sammen bagefter.",
            "Velkommen til de nye kolleger, der er startet hos os i {office} i denne måned!",
            "Kundetilfredsheden er steget med {n} procent siden foråret, godt gået alle sammen.",
            "Præsentationen fra fredagens gennemgang er lagt op, så kig gerne på den inden næste møde.",
        ],
        Closers = ["Skriv, hvis I har spørgsmål!", "God weekend alle sammen!", "Tak for indsatsen.", "Hav en god uge!", "Kommentér gerne nedenfor."],
        QuestionTitles = ["Spørgsmål om {topic}", "Er der nogen, der ved det?", "Har brug for hjælp"],
        Questions =
        [
            "Er der nogen, der ved, hvordan man booker projektoren i {office}? Jeg kan ikke finde den rigtige formular.",
            "Hvilken skabelon skal vi bruge til tilbud efter omorganiseringen?",
            "Hvordan gør I andre, når en kunde vil ændre en ordre efter levering?",
            "Findes der et overblik over, hvem der har ansvaret for hvad inden for {topic}?",
            "Ved nogen, hvornår den nye version af tidsregistreringen kommer?",
            "Har nogen erfaring med at afholde digitale workshops med mere end {n} deltagere?",
        ],
        ThanksInAdvance = "På forhånd tak!",
        Answers =
        [
            "Du finder formularen under Selvbetjening på intranettet, helt nede i bunden af siden.",
            "Vi har brugt den nye skabelon siden foråret, jeg sender den til dig.",
            "Tal med {name}, som ved mest om det.",
            "Det står i procedurebeskrivelsen, afsnit {n}. Sig til, hvis du ikke kan finde den.",
            "Vi havde samme problem sidste måned, løsningen var at genstarte klienten og logge ind igen.",
            "Ifølge IT kommer den efter sommerferien, men der er ingen præcis dato endnu.",
        ],
        AnnouncementTitles = ["Vigtig information til alle medarbejdere", "Organisationsændring", "Kvartalets resultater", "Velkommen til vores nye leder"],
        Announcements =
        [
            "Vi har haft et stærkt kvartal, og jeg vil gerne takke hver enkelt af jer for jeres indsats. Omsætningen steg med {n} procent.",
            "Fra den første i næste måned samler vi kundeservice i Norden under fælles ledelse.",
            "I næste uge holder vi medarbejdermøde i {office}, og det bliver også streamet til alle kontorer.",
            "Vi har besluttet at investere i et nyt ERP-system, som indføres gradvist i løbet af det kommende år.",
            "Vores bæredygtighedsrapport er nu udgivet. Tak til alle, der har bidraget.",
        ],
        PollTitles = ["Afstemning", "Sig din mening!", "Hvad foretrækker du?"],
        Polls =
        [
            "Hvilken dag passer bedst til næste sociale arrangement?\n1) Onsdag\n2) Torsdag\n3) Fredag",
            "Hvordan vil I have næste kursus?\n1) Fysisk i {office}\n2) Online\n3) En blanding",
            "Hvad skal vi have til kaffen {weekday}?\n1) Wienerbrød\n2) Frugt\n3) Kage",
            "Hvor tit vil I have teammøder?\n1) Hver uge\n2) Hver anden uge\n3) En gang om måneden",
        ],
        VoteBy = "Stem senest {weekday}!",
        Comments =
        [
            "Godt initiativ, tak fordi du deler!",
            "Enig, det har vi efterspurgt længe.",
            "Jeg er gerne med, sig til, hvis I har brug for hjælp.",
            "Tak for informationen, jeg sender det videre til mit team.",
            "Kan vi tage det op på næste afdelingsmøde?",
            "Rigtig flot arbejde alle sammen, man kan se, at I har brugt meget tid på det.",
            "Ligger præsentationen et sted, så vi, der ikke var med, kan læse den?",
            "Vi i {office} vil meget gerne høre om erfaringerne.",
            "Spændende! Hvordan har kunderne taget imod det indtil videre?",
            "Tillykke, det er helt fortjent!",
        ],
        ContactIntro = "Kontakt mig på",
        MoreInfo = "Mere info:",
    };

    // Finnish inflects place names, so offices appear in parentheses and weekdays are in the essive ("on Monday").
    private static readonly Phrasebook Finnish = new()
    {
        Weekdays = ["maanantaina", "tiistaina", "keskiviikkona", "torstaina", "perjantaina"],
        Descriptions =
        [
            "Ryhmä kaikille, jotka työskentelevät aiheen {topic} parissa: uutisia, kysymyksiä ja hyviä käytäntöjä.",
            "Nordlysin {topic}-ryhmä. Kysy, jaa kokemuksia ja pysy ajan tasalla.",
            "Keskustelupalsta aiheesta {topic}: tiedotteita, keskustelua ja vinkkejä kollegoilta.",
        ],
        PostTitles = ["Ajankohtaista: {topic}", "Viikon päivitys", "Yhteenveto palaverista", "Hyvä tietää"],
        PostSentences =
        [
            "Olemme päivittäneet toimintaohjeet ({topic}), ja uudet ohjeet otetaan käyttöön {weekday}.",
            "Kiitos kaikille, jotka osallistuivat tämän viikon työpajaan ({office}), saimme {n} konkreettista ehdotusta.",
            "Neljänneksen luvut näyttävät hyviltä ja olemme hieman suunnitelmaa edellä, vaikka parannettavaa vielä löytyy.",
            "Muistakaa päivittää tietonne järjestelmään viimeistään {weekday}, jotta raportti on oikein.",
            "{name} on koonnut lyhyen ohjeen aiheesta {topic}, ja se löytyy dokumenttikirjastosta.",
            "Etsimme lisää jäseniä viiteryhmään, ilmoittaudu jos olet kiinnostunut.",
            "Seuraava tapaaminen on {weekday} kello 10 isossa neuvotteluhuoneessa ({office}), tarjolla kahvia ja pullaa.",
            "Lomasuunnittelusta on tullut kysymyksiä, joten tässä muistutus siitä, mitä on sovittu.",
            "Testaamme uutta toimintatapaa seuraavat {n} viikkoa ja arvioimme sen jälkeen yhdessä.",
            "Tervetuloa uudet kollegat, jotka aloittivat tässä kuussa!",
            "Asiakastyytyväisyys on noussut {n} prosenttia keväästä, hienoa työtä kaikki.",
            "Perjantain katsauksen esitys on nyt jaettu, tutustukaa siihen ennen seuraavaa palaveria.",
        ],
        Closers = ["Kysy rohkeasti, jos jokin askarruttaa!", "Hyvää viikonloppua kaikille!", "Kiitos panoksestanne.", "Mukavaa viikkoa!", "Kommentoi alle."],
        QuestionTitles = ["Kysymys: {topic}", "Tietääkö joku?", "Apua tarvitaan"],
        Questions =
        [
            "Tietääkö joku, miten projektorin saa varattua ({office})? En löydä oikeaa lomaketta.",
            "Mitä tarjouspohjaa meidän pitäisi käyttää organisaatiomuutoksen jälkeen?",
            "Miten te muut toimitte, kun asiakas haluaa muuttaa tilausta toimituksen jälkeen?",
            "Onko olemassa koostetta siitä, kuka vastaa mistäkin ({topic})?",
            "Tietääkö joku, milloin tuntikirjauksen uusi versio tulee?",
            "Onko kenelläkään kokemusta etätyöpajoista, joissa on yli {n} osallistujaa?",
        ],
        ThanksInAdvance = "Kiitos etukäteen!",
        Answers =
        [
            "Lomake löytyy intranetin Itsepalvelu-osiosta, ihan sivun alalaidasta.",
            "Olemme käyttäneet uutta pohjaa keväästä asti, lähetän sen sinulle.",
            "{name} tietää tästä eniten, kannattaa kysyä häneltä.",
            "Se löytyy prosessikuvauksesta, kohta {n}. Kerro, jos et löydä sitä.",
            "Meillä oli sama ongelma viime kuussa, ratkaisu oli käynnistää sovellus uudelleen ja kirjautua uudestaan.",
            "IT:n mukaan se tulee kesän jälkeen, mutta tarkkaa päivää ei vielä ole.",
        ],
        AnnouncementTitles = ["Tärkeää tietoa kaikille työntekijöille", "Organisaatiomuutos", "Neljänneksen tulos", "Tervetuloa uusi esihenkilömme"],
        Announcements =
        [
            "Takana on vahva neljännes, ja haluan kiittää jokaista teistä työpanoksestanne. Liikevaihto kasvoi {n} prosenttia.",
            "Ensi kuun alusta Pohjoismaiden asiakaspalvelu kootaan yhteisen johdon alle.",
            "Ensi viikolla pidämme henkilöstöinfon ({office}), ja se striimataan kaikille toimistoille.",
            "Olemme päättäneet investoida uuteen toiminnanohjausjärjestelmään, joka otetaan käyttöön vaiheittain tulevan vuoden aikana.",
            "Vastuullisuusraporttimme on nyt julkaistu. Kiitos kaikille, jotka osallistuivat sen tekemiseen.",
        ],
        PollTitles = ["Äänestys", "Kerro mielipiteesi!", "Mikä sopii parhaiten?"],
        Polls =
        [
            "Mikä päivä sopii parhaiten seuraavaan afterworkiin?\n1) Keskiviikko\n2) Torstai\n3) Perjantai",
            "Miten haluatte seuraavan koulutuksen?\n1) Paikan päällä\n2) Etänä\n3) Molemmat",
            "Mitä tarjoillaan kahvin kanssa {weekday}?\n1) Korvapuusteja\n2) Hedelmiä\n3) Karjalanpiirakoita",
            "Kuinka usein haluatte tiimipalavereja?\n1) Joka viikko\n2) Joka toinen viikko\n3) Kerran kuussa",
        ],
        VoteBy = "Äänestä viimeistään {weekday}!",
        Comments =
        [
            "Hyvä aloite, kiitos kun jaoit!",
            "Samaa mieltä, tätä on toivottu jo pitkään.",
            "Lähden mielelläni mukaan, kerro jos tarvitset apua.",
            "Kiitos tiedosta, välitän tämän tiimilleni.",
            "Voisimmeko ottaa tämän esille seuraavassa osastopalaverissa?",
            "Todella hienoa työtä kaikki, näkee että tähän on panostettu.",
            "Löytyykö esitys jostain, jotta me poissaolleet voimme lukea sen?",
            "Meitä kiinnostaisi kuulla kokemuksista lisää.",
            "Mielenkiintoista! Miten asiakkaat ovat ottaneet tämän vastaan?",
            "Onnittelut, täysin ansaittu!",
        ],
        ContactIntro = "Ota yhteyttä:",
        MoreInfo = "Lisätietoa:",
    };

    private static readonly Phrasebook English = new()
    {
        Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
        Descriptions =
        [
            "A place for everyone working with {topic} to share news, questions and good examples.",
            "The {topic} group at Nordlys. Ask questions, share experiences and stay up to date.",
            "Forum for {topic}: information, discussions and tips from colleagues.",
        ],
        PostTitles = ["News from {topic}", "Weekly update", "Before {weekday}", "Meeting summary", "Good to know"],
        PostSentences =
        [
            "We have updated the {topic} routines, and the new guidelines apply from {weekday}.",
            "Thanks to everyone who joined the workshop in {office} this week, we collected {n} concrete ideas.",
            "The quarterly figures look good and we are slightly ahead of plan, although there is still room to improve.",
            "Please update your details in the system before {weekday} so that the report is correct.",
            "{name} has put together a short guide on how we work with {topic}; you can find it in the document library.",
            "We are looking for more people to join the reference group, let us know if you are interested.",
            "The next meetup is on {weekday} at 10:00 in the large meeting room in {office}, coffee and cinnamon buns included.",
            "We have had questions about holiday planning, so here is a reminder of what applies.",
            "We are trying a new way of working for the next {n} weeks and will evaluate it together afterwards.",
            "A warm welcome to the new colleagues who started in {office} this month!",
            "Customer satisfaction is up {n} percent since the spring, great work everyone.",
            "The slides from Friday's review are now available, please have a look before the next meeting.",
        ],
        Closers = ["Let us know if you have questions!", "Have a great weekend, everyone!", "Thanks for your commitment.", "Have a nice week!", "Feel free to comment below."],
        QuestionTitles = ["Question about {topic}", "Does anyone know?", "Need some help"],
        Questions =
        [
            "Does anyone know how to book the projector in {office}? I can't find the right form.",
            "Which quote template should we use now after the reorganisation?",
            "How do the rest of you handle customers who want to change an order after delivery?",
            "Is there an overview of who is responsible for what in {topic}?",
            "Does anyone know when the new version of the time reporting tool is coming?",
            "Has anyone run online workshops with more than {n} participants?",
        ],
        ThanksInAdvance = "Thanks in advance!",
        Answers =
        [
            "You'll find the form under Self-service on the intranet, at the very bottom of the page.",
            "We've used the new template since the spring, I'll send it to you.",
            "Talk to {name}, who knows the most about this.",
            "It's in the process description, section {n}. Let me know if you can't find it.",
            "We had the same problem last month; restarting the client and logging in again fixed it.",
            "According to IT it will come after the summer, but there is no exact date yet.",
        ],
        AnnouncementTitles = ["Important information for all employees", "Organisational change", "Quarterly results", "Welcome to our new manager"],
        Announcements =
        [
            "We have had a strong quarter and I want to thank each and every one of you for your hard work. Revenue grew by {n} percent.",
            "From the first of next month we are bringing Nordic customer service together under one leadership team.",
            "Next week we hold an all-hands meeting in {office}, streamed to every office.",
            "We have decided to invest in a new ERP system that will be rolled out in stages over the coming year.",
            "Our sustainability report has been published. Thank you to everyone who contributed.",
        ],
        PollTitles = ["Poll", "Have your say!", "What do you prefer?"],
        Polls =
        [
            "Which day works best for the next after-work?\n1) Wednesday\n2) Thursday\n3) Friday",
            "How would you like the next training?\n1) On site in {office}\n2) Online\n3) A mix",
            "What should we have with coffee on {weekday}?\n1) Cinnamon buns\n2) Fruit\n3) Chocolate balls",
            "How often would you like team meetings?\n1) Every week\n2) Every other week\n3) Once a month",
        ],
        VoteBy = "Please vote by {weekday}!",
        Comments =
        [
            "Great initiative, thanks for sharing!",
            "Agreed, we have been asking for this for a long time.",
            "Happy to join, let me know if you need help with anything.",
            "Thanks for the info, I'll pass it on to my team.",
            "Can we bring this up at the next department meeting?",
            "Really well done everyone, you can tell a lot of work went into this.",
            "Are the slides available somewhere for those of us who couldn't attend?",
            "We in {office} would love to hear about your experiences.",
            "Interesting! How have customers reacted so far?",
            "Congratulations, well deserved!",
        ],
        ContactIntro = "Reach me at",
        MoreInfo = "More info:",
    };
}
