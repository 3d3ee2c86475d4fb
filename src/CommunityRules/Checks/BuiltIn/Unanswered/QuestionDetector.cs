using CommunityRules.Text.Links;

namespace CommunityRules.Checks.BuiltIn.Unanswered;

/// <summary>
/// Tells whether a post asks something, in Swedish, Norwegian (bokmål and nynorsk), Danish, Finnish or English: a
/// sentence that ends with <c>?</c> outside links, or a post that opens with a question word ("Vet någon hur …",
/// "Tietääkö joku …") even without the mark. Rhetorical questions ("Who doesn't love Fridays?"), teasers before a
/// link ("Missed the town hall? Watch it here: https://…") and question marks in URLs do not count.
/// </summary>
/// <remarks>
/// Words are compared lower-cased with the invariant rules, never through the current culture or ICU. The lists are
/// short on purpose: a missed question costs less than telling a community manager that an announcement went
/// unanswered.
/// </remarks>
internal static class QuestionDetector
{
    // Openers that ask whatever follows them: question words and "does anyone"-style phrases.
    private static readonly string[] Openers =
    [
        // English
        "how", "what", "what's", "whats", "where", "when", "who", "whom", "whose", "why", "which",
        "does anyone", "does anybody", "does someone", "does somebody", "do you", "do we", "do i", "can anyone", "can anybody",
        "can someone", "can somebody", "could anyone", "could someone", "has anyone", "has anybody", "have you", "is there",
        "are there", "is it possible", "anyone know", "anybody know", "any idea", "any ideas", "should we", "should i",
        // Swedish
        "hur", "vad", "var", "vart", "när", "vem", "vems", "vilken", "vilket", "vilka", "varför", "varifrån",
        "kan någon", "vet någon", "har någon", "känner någon", "finns det", "är det någon", "går det att", "kan man",
        "får man", "ska vi", "ska man", "borde vi", "kan jag", "får jag",
        // Norwegian bokmål
        "hvordan", "hva", "hvor", "når", "hvem", "hvorfor", "hvilken", "hvilket", "hvilke", "vet noen", "kan noen",
        "har noen", "finnes det", "er det noen", "går det an", "skal vi", "får man",
        // Norwegian nynorsk
        "korleis", "kva", "kvar", "kven", "kvifor", "kvi", "veit nokon", "kan nokon", "har nokon", "finst det", "er det nokon",
        // Danish
        "hvad", "hvornår", "er der nogen", "ved nogen", "kan nogen", "har nogen", "findes der", "må man",
        // Finnish (the -ko/-kö verbs are found by their ending as well)
        "miten", "mitä", "missä", "mistä", "mihin", "milloin", "kuka", "ketkä", "kenen", "kenelle", "keneltä", "miksi",
        "mikä", "mitkä", "kumpi", "paljonko", "montako", "kuinka", "onko", "tietääkö",
    ];

    // Openings that look like questions but ask for no answer: rhetorical questions, invitations, teasers.
    private static readonly string[] Rhetorical =
    [
        // English
        "who doesn't", "who does not", "who wouldn't", "who would not", "who knew", "who would have thought", "guess what",
        "guess who", "why not", "what's not to like", "how cool is that", "how great is that", "how awesome is that",
        "isn't it great", "isn't that great", "wouldn't it be nice", "wouldn't it be great", "need i say more", "did you know",
        "want to", "wanna", "ready to", "ready for", "interested in", "curious about", "missed", "looking for", "need help with",
        // Swedish
        "vem gillar inte", "vem älskar inte", "vem vill inte", "vem skulle inte", "gissa vad", "gissa vem", "varför inte",
        "visste du", "vill du", "vill ni", "nyfiken på", "missade du", "letar du", "är du intresserad", "sugen på",
        "behöver du hjälp",
        // Norwegian and Danish
        "hvem liker ikke", "hvem elsker ikke", "hvem vil ikke", "gjett hva", "gæt hvad", "hvorfor ikke", "visste du",
        "vidste du", "vil du", "har du lyst", "savnet du", "gikk du glipp", "gik du glip", "leter du", "leder du efter",
        "kven likar ikkje", "gjett kva", "kvifor ikkje",
        // Finnish
        "kuka ei", "kukapa ei", "arvaa mitä", "arvaa kuka", "miksi ei", "miksipä ei", "tiesitkö", "haluatko",
        "haluaisitko", "kiinnostaako", "etsitkö", "missasitko",
    ];

    // Openings of statements that start with a question word: "Hur som helst, …", "Var snäll och …", "What a day".
    private static readonly string[] NotQuestions =
    [
        "hur som helst", "var och", "var snäll", "var så", "var med", "var försiktig", "var inte", "var noga", "var beredd",
        "vad kul", "vad bra", "vad roligt", "vad härligt", "vad fint", "hvor flott", "hvor fint", "hvor godt", "hvor dejligt",
        "hvor gøy", "kva fint", "what a", "what's new", "what's on", "what's next", "how nice", "how great", "how cool",
        "when in doubt", "mikä hieno", "mikä ihana",
    ];

    private static readonly Dictionary<char, string[]> OpenersByFirst = ByFirstLetter(Openers);
    private static readonly Dictionary<char, string[]> RhetoricalByFirst = ByFirstLetter(Rhetorical);
    private static readonly Dictionary<char, string[]> NotQuestionsByFirst = ByFirstLetter(NotQuestions);

    // What can end a sentence: anything else moves on to the next character.
    private static readonly System.Buffers.SearchValues<char> SentenceEnds = System.Buffers.SearchValues.Create("?!….\n");

    // A subject right after a question word makes a heading, not a question: "How we work", "Vad vi gör", "Miksi me …".
    private static readonly string[] Subjects =
    [
        "we", "i", "you", "they", "vi", "jag", "ni", "de", "jeg", "dere", "me", "eg", "dykk", "minä", "te", "he",
    ];

    private static readonly string[] Greetings =
    [
        "hi", "hello", "hey", "dear", "morning", "hej", "hejsan", "hallå", "tjena", "hei", "hallo", "heisann", "hejsa",
        "goddag", "god", "moi", "moikka", "terve", "huomenta", "hyvää",
    ];

    // Finnish nouns that end like a -ko/-kö question verb.
    private static readonly string[] FinnishKoNouns = ["teko", "jako", "pako", "pelko", "näkö", "ruoko", "halko", "kelko", "solko", "talko"];

    /// <summary>Tells whether a title asks: it ends a sentence with a question mark that is not rhetorical.</summary>
    public static bool TitleAsks(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return false;
        }

        var span = title.AsSpan().Trim();
        return span.Length > 1 && span[^1] == '?' && IsSentenceMark(span, span.Length - 1) && !IsRhetorical(span);
    }

    /// <summary>Tells whether a post's text asks something.</summary>
    public static bool TextAsks(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var sink = new LinkCollector();
        LinkScanner.Scan(text, ref sink);
        var links = sink.Links;
        var span = text.AsSpan();
        var opening = true;
        var start = 0;
        var position = 0;
        var link = 0;
        while (position <= span.Length)
        {
            // A link is one word of its sentence: its dots and question marks end nothing.
            while (links is not null && link < links.Count && links[link].Start + links[link].Length <= position)
            {
                link++;
            }

            if (links is not null && link < links.Count && position >= links[link].Start)
            {
                position = links[link].Start + links[link].Length;
                continue;
            }

            // Only these characters can end a sentence; everything up to the next one (or the next link) is skipped at once.
            if (position < span.Length)
            {
                var next = span[position..].IndexOfAny(SentenceEnds);
                next = next < 0 ? span.Length : position + next;
                if (links is not null && link < links.Count && links[link].Start <= next)
                {
                    position = links[link].Start;
                    continue;
                }

                position = next;
            }

            var atEnd = position == span.Length;
            var terminator = atEnd ? '\n' : span[position] switch
            {
                '?' when IsSentenceMark(span, position) => '?',
                '!' or '…' => '!',
                '.' when position + 1 == span.Length || char.IsWhiteSpace(span[position + 1]) => '.',
                '\n' => '\n',
                _ => '\0',
            };
            if (terminator == '\0')
            {
                position++;
                continue;
            }

            // A run of marks ("?!", "??", "...") ends one sentence; an exclamation in it makes a question rhetorical.
            var after = position + 1;
            var exclaims = terminator == '!';
            while (after < span.Length && span[after] is '?' or '!' or '.' or '…')
            {
                exclaims |= span[after] is '!';
                after++;
            }

            var sentence = span[start..position].Trim();
            if (HasLetter(sentence))
            {
                if (terminator == '?' && !exclaims && !IsRhetorical(sentence) && !IsTeaser(sentence, links, after, span.Length))
                {
                    return true;
                }

                if (opening)
                {
                    var opener = sentence;
                    var greeting = IsGreeting(sentence, out var rest);
                    if (greeting)
                    {
                        // "Hej alla!" opens nothing; in "Hej alla, vet någon …" the question follows the comma.
                        opener = rest;
                    }

                    if (!greeting || rest.Length > 0)
                    {
                        opening = false;
                        if (!exclaims && OpensWithQuestion(opener, out var phrase) && (phrase || terminator == '\n'))
                        {
                            return true;
                        }
                    }
                }
            }

            start = after;
            position = after;
        }

        return false;
    }

    /// <summary>Tells whether the question mark at <paramref name="index"/> ends a sentence: it follows a word, and a space, the end or a closing mark follows it.</summary>
    private static bool IsSentenceMark(ReadOnlySpan<char> text, int index)
    {
        var next = index + 1;
        if (index == 0 || !(char.IsLetterOrDigit(text[index - 1]) || text[index - 1] is '"' or '\'' or ')' or '”' or '“' or '’' or '»' or '«' or '?' or '!' or '*' or '_'))
        {
            return false;
        }

        while (next < text.Length && text[next] is '?' or '!' or '"' or '\'' or ')' or '”' or '“' or '’' or '»' or '«' or '*' or '_')
        {
            next++;
        }

        return next == text.Length || char.IsWhiteSpace(text[next]) || text[next] is '.' or ',' or ':' or ';' or '<';
    }

    private static bool HasLetter(ReadOnlySpan<char> sentence)
    {
        foreach (var character in sentence)
        {
            if (char.IsLetter(character))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRhetorical(ReadOnlySpan<char> sentence) => StartsWithAny(sentence, Rhetorical);

    /// <summary>A question that does not start with a question word, followed by a link: "Missed the town hall? Watch it here: https://…".</summary>
    private static bool IsTeaser(ReadOnlySpan<char> sentence, List<LinkMatch>? links, int restStart, int textLength)
    {
        if (links is null || StartsWithAny(sentence, Openers) || FinnishQuestionVerb(FirstWord(sentence)))
        {
            return false;
        }

        // Only the next sentence or two: a link at the very end of a long post answers nothing the opening asked.
        var horizon = Math.Min(textLength, restStart + 160);
        foreach (var link in links)
        {
            if (link.Start >= restStart && link.Start < horizon)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsGreeting(ReadOnlySpan<char> sentence, out ReadOnlySpan<char> rest)
    {
        rest = default;
        if (!EqualsAny(FirstWord(sentence), Greetings))
        {
            return false;
        }

        // "Hej alla, vet någon …" goes on after the comma; "Hej alla!" was the whole sentence.
        var comma = sentence.IndexOf(',');
        if (comma >= 0 && comma < 30)
        {
            rest = sentence[(comma + 1)..].Trim();
        }

        return true;
    }

    /// <summary>
    /// Tells whether a sentence opens with a question word or phrase; <paramref name="phrase"/> says it is one that
    /// asks whatever punctuation ends it ("vet någon", "does anyone", "Tietääkö"), not a lone question word.
    /// </summary>
    private static bool OpensWithQuestion(ReadOnlySpan<char> sentence, out bool phrase)
    {
        phrase = false;
        if (StartsWithAny(sentence, NotQuestions) || StartsWithAny(sentence, Rhetorical))
        {
            return false;
        }

        var first = FirstWord(sentence);
        if (FinnishQuestionVerb(first))
        {
            phrase = true;
            return true;
        }

        if (!StartsWithAny(sentence, Openers, out var opener))
        {
            return false;
        }

        // A phrase ("vet någon", "does anyone") asks; a lone question word may open a heading ("How we work") or a
        // clause ("När vi ses, …"), so it asks only when a verb, not a subject, follows and no comma splits the sentence.
        if (opener.Contains(' ', StringComparison.Ordinal))
        {
            phrase = true;
            return true;
        }

        var rest = sentence[(sentence.IndexOf(first) + first.Length)..].TrimStart();
        return rest.Length > 0 && char.IsLetter(rest[0]) && !EqualsAny(FirstWord(rest), Subjects) && rest.IndexOf(',') < 0;
    }

    /// <summary>A Finnish yes/no question opens with a verb that ends in -ko/-kö (-kohan/-köhän): "Tietääkö", "Onko", "Voisiko".</summary>
    private static bool FinnishQuestionVerb(ReadOnlySpan<char> word)
    {
        if (word.Length < 4 || EqualsAny(word, FinnishKoNouns))
        {
            return false;
        }

        foreach (var ending in (ReadOnlySpan<string>)["kohan", "köhän"])
        {
            if (word.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        // Words ending in -kko/-kkö are nouns: verkko, taulukko, joukko.
        var last = char.ToLowerInvariant(word[^1]);
        return (last is 'o' or 'ö') && char.ToLowerInvariant(word[^2]) == 'k' && char.ToLowerInvariant(word[^3]) != 'k' && IsVowel(word[^3]);
    }

    private static bool IsVowel(char character) => char.ToLowerInvariant(character) is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'ä' or 'ö';

    private static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> text)
    {
        var start = 0;
        while (start < text.Length && !char.IsLetter(text[start]))
        {
            start++;
        }

        var end = start;
        while (end < text.Length && (char.IsLetter(text[end]) || (text[end] is '\'' or '’' && end + 1 < text.Length && char.IsLetter(text[end + 1]))))
        {
            end++;
        }

        return text[start..end];
    }

    private static bool EqualsAny(ReadOnlySpan<char> word, string[] words)
    {
        foreach (var candidate in words)
        {
            if (word.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithAny(ReadOnlySpan<char> sentence, string[] phrases) => StartsWithAny(sentence, phrases, out _);

    /// <summary>The phrases of each list by their first letter, in the list's order: a sentence is compared only with those that open with its own first letter.</summary>
    private static Dictionary<char, string[]> ByFirstLetter(string[] phrases) =>
        phrases.GroupBy(phrase => phrase[0]).ToDictionary(group => group.Key, group => group.ToArray());

    private static Dictionary<char, string[]> PhrasesByFirstLetter(string[] phrases) =>
        ReferenceEquals(phrases, Openers) ? OpenersByFirst
        : ReferenceEquals(phrases, Rhetorical) ? RhetoricalByFirst
        : ReferenceEquals(phrases, NotQuestions) ? NotQuestionsByFirst
        : ByFirstLetter(phrases);

    /// <summary>Tells whether the sentence opens with one of the phrases as whole words (leading quotes and marks skipped; ’ read as ').</summary>
    private static bool StartsWithAny(ReadOnlySpan<char> sentence, string[] phrases, out string phrase)
    {
        var start = 0;
        while (start < sentence.Length && !char.IsLetter(sentence[start]))
        {
            start++;
        }

        var text = sentence[start..];

        // A phrase matches only if it opens with the sentence's first letter, lower-cased (every phrase is lower case).
        if (text.IsEmpty || !PhrasesByFirstLetter(phrases).TryGetValue(char.ToLowerInvariant(text[0]), out var candidates))
        {
            phrase = string.Empty;
            return false;
        }

        foreach (var candidate in candidates)
        {
            if (text.Length >= candidate.Length
                && EqualsApostropheFolded(text[..candidate.Length], candidate)
                && (text.Length == candidate.Length || !char.IsLetter(text[candidate.Length])))
            {
                phrase = candidate;
                return true;
            }
        }

        phrase = string.Empty;
        return false;
    }

    private static bool EqualsApostropheFolded(ReadOnlySpan<char> text, string phrase)
    {
        for (var i = 0; i < phrase.Length; i++)
        {
            var character = text[i] == '’' ? '\'' : char.ToLowerInvariant(text[i]);
            if (character != phrase[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Keeps the links of a text, allocating only when there is one.</summary>
    private struct LinkCollector : ILinkSink
    {
        public List<LinkMatch>? Links { get; private set; }

        public void Add(LinkMatch link) => (Links ??= []).Add(link);
    }
}
