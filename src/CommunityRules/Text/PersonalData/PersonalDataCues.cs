using System.Collections.Frozen;

namespace CommunityRules.Text.PersonalData;

/// <summary>What the words just before a number say it is.</summary>
internal enum CueKind : byte
{
    /// <summary>No cue: the number stands on its format.</summary>
    None,

    /// <summary>A phone word (<c>tlf</c>, <c>mobil</c>, <c>ring</c>, <c>puh</c>, <c>call</c>): an ungrouped 8-digit number is a phone number.</summary>
    Phone,

    /// <summary>A reference word right before the number (order, invoice, ticket, version, article, EAN, room...): it is no personal data.</summary>
    Reference,

    /// <summary>The name of an identity number: when the digits hold as that kind too, it is reported as that kind.</summary>
    Personnummer,

    /// <summary>See <see cref="Personnummer"/>.</summary>
    Fodselsnummer,

    /// <summary>See <see cref="Personnummer"/>.</summary>
    Cpr,

    /// <summary>See <see cref="Personnummer"/>.</summary>
    Hetu,
}

/// <summary>
/// Reads the few words before a number for what they say it is, in Swedish, Norwegian, Danish, Finnish and English.
/// Words are compared folded (case and diacritics, so <c>Ärende</c> is <c>arende</c>) with dots, hyphens and colons
/// left out (<c>Art.nr.</c> is <c>artnr</c>, <c>KID-nummer</c> is <c>kidnummer</c>), and a trailing "number" word
/// is taken off a compound (<c>ordrenummer</c> is <c>ordre</c>, <c>tikettinumero</c> is <c>tiketti</c>).
/// </summary>
/// <remarks>
/// A reference word counts only right before the number ("Order 4009269608", "Invoice no. 19121212-1212"), so
/// "my ID number is 811218-9876" stays a personnummer; a phone word counts anywhere in the last four words ("ring
/// meg på 91234567"). The nearest cue wins. Runs only for a value a detector has found, never on clean text.
/// </remarks>
internal static class PersonalDataCues
{
    private const int PhoneWindowWords = 4;
    private const int MaxWordLength = 32;

    private static readonly FrozenDictionary<string, CueKind>.AlternateLookup<ReadOnlySpan<char>> Words = BuildWords().GetAlternateLookup<ReadOnlySpan<char>>();

    // "number" in the five languages: between a cue and the value ("Invoice no. 123"), or at the end of a compound.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Fillers =
        FrozenSet.Create(StringComparer.Ordinal, "nr", "no", "nro", "num", "nummer", "number", "numero", "numer").GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly string[] NumberSuffixes = ["nummer", "numero", "number", "nr", "nro", "koodi", "kode", "kod", "code"];

    // Reference words that also end compounds: "inköpsorder", "servicenow-ärende", "matkalasku".
    private static readonly string[] ReferenceEndings = ["order", "ordre", "faktura", "arende", "tilaus", "lasku", "ticket", "tiketti", "artikel", "artikkel", "version", "versjon"];

    /// <summary>The cue in the words before <paramref name="start"/>, the nearest first.</summary>
    public static CueKind Before(ReadOnlySpan<char> text, int start)
    {
        Span<char> word = stackalloc char[MaxWordLength];
        var position = start;
        var fillersOnly = true;
        for (var index = 0; index < PhoneWindowWords; index++)
        {
            var length = ReadWordBefore(text, ref position, word, out var abbreviated);
            if (length <= 0)
            {
                return CueKind.None;
            }

            var folded = word[..length];
            var cue = Classify(folded);

            // A dot after a word that is no cue ends a sentence ("Ring mig. 91234567 är ordernumret."), not an abbreviation.
            if (abbreviated && cue == CueKind.None && !Fillers.Contains(folded))
            {
                return CueKind.None;
            }

            // A reference word counts only right before the number, or before "nr", "no." and the like.
            if (cue == CueKind.Reference && !fillersOnly)
            {
                cue = CueKind.None;
            }

            if (cue != CueKind.None)
            {
                return cue;
            }

            fillersOnly &= Fillers.Contains(folded);
        }

        return CueKind.None;
    }

    private static CueKind Classify(ReadOnlySpan<char> word)
    {
        if (Words.TryGetValue(word, out var cue))
        {
            return cue;
        }

        foreach (var suffix in NumberSuffixes)
        {
            if (word.Length >= suffix.Length + 2 && word.EndsWith(suffix, StringComparison.Ordinal) && Words.TryGetValue(word[..^suffix.Length], out cue))
            {
                return cue;
            }
        }

        foreach (var ending in ReferenceEndings)
        {
            if (word.EndsWith(ending, StringComparison.Ordinal) || (word.Length > ending.Length && ContainsEndingBeforeSuffix(word, ending)))
            {
                return CueKind.Reference;
            }
        }

        return CueKind.None;
    }

    // "inköpsordernummer": a reference ending followed by a number suffix.
    private static bool ContainsEndingBeforeSuffix(ReadOnlySpan<char> word, string ending)
    {
        foreach (var suffix in NumberSuffixes)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word[..^suffix.Length].EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Reads the word that ends before position (skipping spaces and light punctuation) into buffer, folded, without
    // dots, hyphens and colons; moves position to its start. Returns 0 at a sentence end, -1 at the text's start; a
    // word too long to be a cue comes back as one that matches nothing. A word followed by a dot comes back
    // abbreviated: "tlf." is a cue, "mig." ends a sentence.
    private static int ReadWordBefore(ReadOnlySpan<char> text, ref int position, Span<char> buffer, out bool abbreviated)
    {
        abbreviated = false;
        var p = position - 1;
        while (p >= 0 && text[p] is ' ' or '\t' or '\n' or '\r' or '\u00A0' or '\u202F' or ':' or '#' or '(' or '[' or '"' or '\'' or ',' or '-' or '–' or '—' or '=' or '*' or '_')
        {
            p--;
        }

        if (p < 0)
        {
            return -1;
        }

        // An abbreviation's dot ("tlf.", "nr.") belongs to its word; any other stop ends the sentence the cue must be in.
        if (text[p] == '.' && p > 0 && char.IsLetter(text[p - 1]))
        {
            abbreviated = true;
            p--;
        }
        else if (!char.IsLetterOrDigit(text[p]))
        {
            return 0;
        }

        var end = p + 1;
        while (p >= 0 && (char.IsLetterOrDigit(text[p]) || (text[p] is '.' or '-' or ':' && p > 0 && char.IsLetterOrDigit(text[p - 1]) && char.IsLetterOrDigit(text[p + 1]))))
        {
            p--;
        }

        position = p + 1;
        var length = 0;
        for (var i = position; i < end; i++)
        {
            if (text[i] is '.' or '-' or ':')
            {
                continue;
            }

            if (length == buffer.Length)
            {
                buffer[0] = '\0';
                return 1;
            }

            buffer[length++] = PersonalDataText.FoldLetter(text[i]);
        }

        return length;
    }

    private static FrozenDictionary<string, CueKind> BuildWords()
    {
        var words = new Dictionary<string, CueKind>(StringComparer.Ordinal);
        void Add(CueKind kind, params string[] list)
        {
            foreach (var word in list)
            {
                words[word] = kind;
            }
        }

        Add(
            CueKind.Phone,
            "tlf", "tel", "tfn", "telefon", "telefonen", "telephone", "phone", "mobil", "mobilen", "mobile", "mob", "mobiili", "cell", "cellphone", "gsm",
            "ring", "ringa", "ringe", "ringer", "ringes", "ringt", "call", "sms", "smsa", "smse", "text", "whatsapp", "signal",
            "puh", "puhelin", "puhelimeen", "puhelinta", "soita", "soitan", "soittakaa", "soitto", "tekstaa", "tekstiviesti", "numeroon", "numerosta");
        Add(
            CueKind.Reference,
            "order", "ordre", "ordrer", "bestallning", "bestilling", "tilaus", "tilauksen", "tilauksesta", "po",
            "faktura", "fakturaen", "fakturan", "fakturanr", "invoice", "lasku", "laskun", "ocr", "kid", "viite", "reference", "referens", "referanse", "ref",
            "betalningsreferens", "betalingsreferanse", "transaction", "transaktion", "transaksjon", "transaktio", "kvitto", "kvittering", "kuitti", "receipt",
            "ticket", "tiketti", "tiketin", "arende", "arendet", "sak", "saken", "saks", "sag", "sagen", "sags", "case", "incident", "inc", "issue", "bug",
            "version", "versjon", "versio", "release", "build", "v",
            "artikel", "artikkel", "article", "art", "item", "product", "produkt", "vare", "varen", "tuote", "sku", "ean", "ean13", "ean8", "gtin", "upc", "streckkod", "streckkoden", "stregkode",
            "stregkoden", "strekkode", "strekkoden", "viivakoodi", "barcode", "part", "serie", "serial", "lot", "batch",
            "tracking", "kolli", "pakke", "paket", "seuranta", "shipment", "forsendelse", "sandning",
            "cvr", "org", "organisations", "organisasjons", "ytunnus", "vat", "moms",
            "rum", "rummet", "rom", "rommet", "lokale", "lokalet", "huone", "huoneessa", "huoneeseen", "huoneen", "room", "sal", "salen",
            "correlation", "request", "pid", "event", "tapahtuma", "job", "jobb", "jobbet", "projekt", "project", "prosjekt", "projekti", "kampanj", "voucher",
            "otp", "pin", "kod", "kode", "code", "koodi", "id", "uid", "uuid");
        Add(CueKind.Personnummer, "pnr", "personnr", "personnumret", "personnumer", "samordningsnummer");
        Add(CueKind.Fodselsnummer, "fnr", "fodselsnummer", "fodselsnummeret", "fodselsnr", "dnummer");
        Add(CueKind.Cpr, "cpr", "cprnr", "cprnummer", "cprnummeret");
        Add(CueKind.Hetu, "hetu", "henkilotunnus", "henkilotunnukseni", "henkilotunnuksen", "henkilotunnusta", "sotu");
        return words.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
