namespace CommunityRules.SampleNetwork;

/// <summary>What kind of record a planted text replaces the text of.</summary>
internal enum PlantKind
{
    /// <summary>An ordinary post (type <c>post</c>), never an announcement or a poll.</summary>
    Post,

    /// <summary>A post of type <c>question</c>.</summary>
    Question,

    /// <summary>A comment or reply.</summary>
    Comment,
}

/// <summary>A hand-written text for the posting-guidelines pack, in the language of the record it replaces.</summary>
/// <param name="Kind">The kind of record it goes into.</param>
/// <param name="Language">The language the record was written in.</param>
/// <param name="Text">The new text.</param>
/// <param name="Title">The new title of a post (<see langword="null"/>: no title); unused for comments.</param>
internal sealed record PlantedText(PlantKind Kind, Language Language, string Text, string? Title = null);

/// <summary>
/// Replaces the text of a small, fixed set of posts and comments with texts that the posting-guidelines pack
/// (<c>rules/posting-guidelines.yaml</c>) must report, and near misses it must not (see KnownProblems.md).
/// It draws from its own <see cref="Random"/> and is asked only after the generator has composed the record's
/// own text, so every other value in the snapshot is the same as without it.
/// </summary>
internal sealed class GuidelinePlanter
{
    // Distinct from the main seed, so the targets do not repeat the main sequence's first draws.
    private const int SeedSalt = 0x504C4E54;

    // Targets stay clear of the last groups, which may lack a language or a post type, so every text finds a home.
    private const double TargetRange = 0.9;

    private readonly List<Pending> pending;

    /// <summary>Draws, for every planted text, the post number from which on it looks for a matching record.</summary>
    /// <param name="seed">The generator's seed.</param>
    /// <param name="posts">The number of posts written into existing groups.</param>
    public GuidelinePlanter(int seed, int posts)
    {
        var random = new Random(seed ^ SeedSalt);
        var range = Math.Max(1, (int)(posts * TargetRange));
        pending = [.. Texts.Select(text => new Pending(1 + random.Next(range), text))];
    }

    /// <summary>The hand-written texts: the first block must be reported, the second (near misses) must not.</summary>
    public static IReadOnlyList<PlantedText> Texts { get; } =
    [
        // POST001: personal data in posts.
        new(PlantKind.Post, Language.Swedish,
            "Hej! Jag har fortfarande inte fått lönen för september. Mitt personnummer är 19121212-1212 om ni behöver slå upp mig i lönesystemet. Ring gärna på 070-174 06 12 efter lunch.",
            "Lönen för september"),
        new(PlantKind.Post, Language.Norwegian,
            "Reiseregningen min fra Bergen er fortsatt ikke utbetalt. Fødselsnummeret mitt er 15038512363, og pengene kan settes inn på NO93 8601 1117 947. Ring meg på +47 412 34 567 hvis noe mangler.",
            "Reiseregning fra Bergen"),
        new(PlantKind.Post, Language.Finnish,
            "Matkalaskuni on yhä käsittelemättä. Henkilötunnukseni on 131052-308T ja tilinumeroni FI21 1234 5600 0007 85. Soita numeroon 040 123 4567, jos tarvitsette lisätietoja."),

        // POST002: personal data in comments.
        new(PlantKind.Comment, Language.Swedish,
            "Skicka det till min privata adress i stället: anna.karlsson@example.com, eller ring +46701740605."),
        new(PlantKind.Comment, Language.Danish,
            "Mit CPR-nummer er 070761-4285, hvis I skal finde mig i lønsystemet. Pengene kan gå til DK50 0040 0440 1162 43, og I kan ringe på +45 20 12 34 56."),
        new(PlantKind.Comment, Language.English,
            "I paid the conference fee with my own card, 4111 1111 1111 1111. Can finance refund it? My private e-mail is olli.virtanen@example.org."),
        new(PlantKind.Comment, Language.Swedish,
            "Ersättningen kan sättas in på SE45 5000 0000 0583 9825 7466. Personnummer 900315-4565 om ni behöver det."),
        new(PlantKind.Comment, Language.Finnish,
            "Soita minulle numeroon +358 40 123 4567 tai laita sähköpostia osoitteeseen mikko.nieminen@example.net."),

        // POST003 and POST004: blocked words.
        new(PlantKind.Post, Language.Swedish,
            "Vilket jävla strul med VPN:en i morse igen. Tre möten missade innan den kom upp. Vet någon om IT jobbar på det?"),
        new(PlantKind.Comment, Language.Finnish,
            "Perkele, tulostin on taas jumissa kolmannessa kerroksessa."),
        new(PlantKind.Comment, Language.English,
            "Honestly, this new expense tool is bullshit. It took me three tries to submit one receipt."),
        new(PlantKind.Comment, Language.Danish,
            "For fanden, jeg glemte mødet igen. Er der nogen, der tog noter?"),

        // POST005 and POST006: discouraged words, with a better one.
        new(PlantKind.Post, Language.English,
            "Hi guys, quick update from IT: the blacklist for e-mail attachments is gone, and our new supplier is on the whitelist. We still need more manpower for the migration weekend, so sign up in the planning sheet.",
            "Update from IT"),
        new(PlantKind.Post, Language.Swedish,
            "I dagsläget har vi ingen svartlista för leverantörer, men inköp tar fram en. Talesman för arbetet är Karin, och vi räknar med ungefär 120 mantimmar fram till jul."),
        new(PlantKind.Post, Language.Finnish,
            "Esimies voi nyt lisätä toimittajan mustalle listalle suoraan hankintajärjestelmässä. Työhön kului kolme miestyövuotta, joten kiitos kaikille mukana olleille!"),
        new(PlantKind.Comment, Language.Norwegian,
            "Per dags dato står leverandøren på svartelisten, men jeg har bedt om at de flyttes til hvitelisten. Talsmannen deres ringer meg i morgen."),
        new(PlantKind.Comment, Language.Danish,
            "Vedrørende sortlisten: kan vi ikke bare kalde den en blokeringsliste? Talsmanden for projektet har allerede brugt 40 mandetimer på den."),
        new(PlantKind.Comment, Language.Swedish,
            "Tack! Vi erhåller underlaget från leverantören på fredag och tillhandahåller det sedan i gruppen."),
        new(PlantKind.Comment, Language.English,
            "Thanks guys, the whitelist works now."),

        // POST007 and POST008: links to consumer file-sharing and paste sites.
        new(PlantKind.Post, Language.Swedish,
            "Bilderna och presentationerna från kickoffen var för stora för mejl, så jag lade dem här: https://wetransfer.com/downloads/4f1c9e2b7a0d/8d3e51 Agendan finns kvar på https://intranet.nordlys.example/news/2026",
            "Bilder från kickoffen"),
        new(PlantKind.Post, Language.Norwegian,
            "Loggen fra feilen i fakturasystemet ligger her, så kan noen fra IT se på den: https://pastebin.com/u7Tq2LmX"),
        new(PlantKind.Comment, Language.English,
            "Here is the budget sheet: https://www.dropbox.com/s/q8x2m1k4/budget-2027.xlsx?dl=0"),
        new(PlantKind.Comment, Language.Finnish,
            "Lataa esitys täältä: https://mega.nz/file/Xy7kQ2aB#k9fT3"),

        // POST009: shouting.
        new(PlantKind.Post, Language.Swedish,
            "ALLA MÅSTE BYTA LÖSENORD INNAN FREDAG! ANNARS STÄNGS KONTOT AV OCH DU KOMMER INTE ÅT MEJLEN. INGA UNDANTAG.",
            "VIKTIGT OM LÖSENORD"),

        // POST010: questions with too little text.
        new(PlantKind.Question, Language.Swedish, "Hur bokar man rum?"),
        new(PlantKind.Question, Language.English, "Printer broken again?"),

        // Near misses: none of these may be reported.
        new(PlantKind.Post, Language.Swedish,
            "Order 8019121212121234 är levererad till lagret i Göteborg. Pallarna står vid port 3 och kan hämtas från och med onsdag."),
        new(PlantKind.Post, Language.Danish,
            "Vejledningen til at dele store filer ligger på https://intranet.nordlys.example/it/deling-af-filer. Og ja: der er kage med piskefløde i kantinen på fredag."),
        new(PlantKind.Post, Language.English,
            "The Q3 report on KPI, NPS and EBITDA from HR and IT is now on the intranet. The old template has been scrapped, so please use the new one before Thursday."),
        new(PlantKind.Comment, Language.Swedish,
            "Jag testade med 851230-1239 i testmiljön, men det numret godkänns inte: kontrollsiffran stämmer inte."),
        new(PlantKind.Comment, Language.Swedish,
            "Kundregistret visar 850230-1230 på två kunder; IT tittar på varför importen blandar ihop fälten."),
        new(PlantKind.Comment, Language.Norwegian,
            "Kontonummeret i fakturaen, SE46 5000 0000 0583 9825 7466, ser feil ut, og fødselsnummeret 15038512364 blir avvist i HR-systemet."),
        new(PlantKind.Comment, Language.English,
            "The test card 4111 1111 1111 1112 is rejected by the payment form, as it should be."),
    ];

    /// <summary>Gets the planted text for the post about to be written, if one is due; at most one per post.</summary>
    public PlantedText? ForPost(int postNumber, PostType type, Language language)
    {
        var kind = type switch
        {
            PostType.Post => PlantKind.Post,
            PostType.Question => PlantKind.Question,
            _ => (PlantKind?)null,
        };
        return kind is null ? null : Take(postNumber, kind.Value, language);
    }

    /// <summary>Gets the planted text for a comment on post <paramref name="postNumber"/>, if one is due.</summary>
    public PlantedText? ForComment(int postNumber, Language language) => Take(postNumber, PlantKind.Comment, language);

    private PlantedText? Take(int postNumber, PlantKind kind, Language language)
    {
        var index = pending.FindIndex(p => p.FromPost <= postNumber && p.Text.Kind == kind && p.Text.Language == language);
        if (index < 0)
        {
            return null;
        }

        var text = pending[index].Text;
        pending.RemoveAt(index);
        return text;
    }

    private readonly record struct Pending(int FromPost, PlantedText Text);
}
