using CommunityRules.Text;

namespace CommunityRules.Checks.BuiltIn.Placement;

/// <summary>
/// Turns text into the words a group profile is made of, as 64-bit hashes, without allocating and without ICU: case
/// and diacritics folded by the shared <see cref="TextFolding"/> policy, Danish and Norwegian spellings brought together
/// with Swedish ones, light Nordic and English stemming, and function words and greetings left out.
/// </summary>
/// <remarks>
/// Folding is the matcher's (å, á → a; ö, ø, ó → o; é → e; ü → u) with <see cref="FoldOptions.NordicSpelling"/>: ä and
/// æ both become e, so Swedish <c>hälsa</c>, Norwegian <c>helse</c> and Danish <c>hjælp</c> / Norwegian <c>hjelp</c> meet. Then doubled letters
/// become one (<c>kjøkken</c>, <c>køkken</c>, <c>kök</c>), <c>kj</c> becomes <c>k</c> and <c>ej</c> <c>ei</c>
/// (<c>vej</c>, <c>vei</c>), and up to two endings come off (<c>laptopen</c>, <c>laptoper</c>, <c>laptoparna</c>,
/// <c>laptops</c> are all <c>laptop</c>). The folding is our own tables, so results do not depend on the culture,
/// ICU or <c>DOTNET_SYSTEM_GLOBALIZATION_INVARIANT</c>.
/// </remarks>
internal static class PlacementWords
{
    /// <summary>Longer runs of letters are links, hashes and the like, not words.</summary>
    public const int MaxWordLength = 32;

    /// <summary>Shorter words (i, på, it) are too often function words to say what a group is about.</summary>
    public const int MinWordLength = 3;

    /// <summary>The shared folding with the Nordic spelling key; marks typed after a letter are skipped.</summary>
    private static readonly char[] Folding = TextFolding.For(FoldOptions.Diacritics | FoldOptions.SkipMarks | FoldOptions.NordicSpelling).WordTable;

    // Longest first; the first that leaves a long enough stem comes off.
    private static readonly string[] FirstEndings =
    [
        "ingarna", "ingerne", "ingene", "arnas", "ernas", "ornas", "ingar", "ingen", "inger", "heten", "arna", "erna",
        "orna", "ende", "ande", "ing", "ene", "ane", "ets", "ens",
        "het", "en", "et", "er", "ar", "or", "na", "ne", "es", "ed", "s", "e", "a",
    ];

    // A plural or an -are left under a definite ending: skrivaren → skrivar → skriv.
    private static readonly string[] SecondEndings = ["ar", "er", "or", "e"];

    // The endings above by their last letter, in the same order: a word is compared only with the endings it can have.
    private static readonly string[][] FirstEndingsByLast = ByLastLetter(FirstEndings);
    private static readonly string[][] SecondEndingsByLast = ByLastLetter(SecondEndings);

    /// <summary>Function words, greetings and thanks in English and the Nordic languages, as normalised hashes.</summary>
    private static readonly WordHashSet StopWords = new(BuildStopWords());

    /// <summary>Folds one character for a word: its folded letter or digit, <c>'\0'</c> for a separator, <see cref="TextFolding.Skip"/> for a combining mark.</summary>
    public static char FoldChar(char c) => Folding[c];

    /// <summary>Calls <paramref name="onWord"/> with the hash of each word of <paramref name="text"/> that is not a function word.</summary>
    /// <typeparam name="TState">What the callback writes to.</typeparam>
    public static void ForEachWord<TState>(ReadOnlySpan<char> text, ref TState state, WordAction<TState> onWord)
        where TState : allows ref struct
    {
        Span<char> word = stackalloc char[MaxWordLength];
        var length = 0;
        var start = 0;
        var tooLong = false;
        var hasDigit = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var folded = i < text.Length ? FoldChar(text[i]) : '\0';
            if (folded == TextFolding.Skip)
            {
                continue;
            }

            if (folded != '\0')
            {
                if (length == 0 && !tooLong)
                {
                    start = i;
                }

                if (length < MaxWordLength)
                {
                    word[length++] = folded;
                    hasDigit |= char.IsAsciiDigit(folded);
                }
                else
                {
                    tooLong = true;
                }

                continue;
            }

            if (length >= MinWordLength && !tooLong && !hasDigit)
            {
                var normalised = Normalise(word[..length]);
                if (normalised >= MinWordLength)
                {
                    var hash = Hash(word[..normalised]);
                    if (!StopWords.Contains(hash))
                    {
                        onWord(ref state, hash, start, i - start);
                    }
                }
            }

            length = 0;
            tooLong = false;
            hasDigit = false;
        }
    }

    /// <summary>The normalised hash of one word or phrase's first word, as posts' words are hashed; 0 when it is a function word or too short.</summary>
    public static ulong HashOf(string word)
    {
        ulong found = 0;
        ForEachWord(word, ref found, static (ref ulong first, ulong hash, int start, int length) =>
        {
            if (first == 0)
            {
                first = hash;
            }
        });
        return found;
    }

    /// <summary>Spelling key and stemming in place; returns the new length.</summary>
    internal static int Normalise(Span<char> word)
    {
        // One of each doubled letter, kj → k, ej → ei.
        var length = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (length > 0)
            {
                var previous = word[length - 1];
                if (c == previous)
                {
                    continue;
                }

                if (c == 'j' && previous == 'k')
                {
                    continue;
                }

                if (c == 'j' && previous == 'e')
                {
                    c = 'i';
                }
            }

            word[length++] = c;
        }

        length = StripEnding(word, length, FirstEndingsByLast, minStem: 3);
        return StripEnding(word, length, SecondEndingsByLast, minStem: 4);
    }

    /// <summary>FNV-1a, 64 bits: stable across runs and platforms, unlike <see cref="string.GetHashCode()"/>.</summary>
    internal static ulong Hash(ReadOnlySpan<char> word)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private static int StripEnding(Span<char> word, int length, string[][] endingsByLast, int minStem)
    {
        // Every ending is ASCII, so a word ending in another letter keeps its length.
        if (length == 0 || word[length - 1] >= endingsByLast.Length)
        {
            return length;
        }

        var current = word[..length];
        foreach (var ending in endingsByLast[word[length - 1]])
        {
            if (length - ending.Length >= minStem && current.EndsWith(ending, StringComparison.Ordinal))
            {
                return length - ending.Length;
            }
        }

        return length;
    }

    private static string[][] ByLastLetter(string[] endings)
    {
        var byLast = new string[128][];
        for (var c = 0; c < byLast.Length; c++)
        {
            byLast[c] = [.. endings.Where(ending => ending[^1] == c)];
        }

        return byLast;
    }

    private static HashSet<ulong> BuildStopWords()
    {
        const string Words = """
            the and are for from with you your our this that these those have has had was were will would should could can
            not but all any some more most other than then there their they them what which who whom how why when where
            been being its into out about just also only very much many such each here like get got one two does did
            doing done make made know need want see use used new now today tomorrow week next last time please thanks
            thank hello dear everyone anyone someone team great good nice well day days morning afternoon year
            http https www com html monday tuesday wednesday thursday friday saturday sunday

            att av den det ett for fran har hos med och oss som till var vad nar inte kan ska skulle jag han hon men
            vill alla allt nagon nagot mycket bra tack hej hejsan tja god morgon dag idag imorgon vecka veckan ocksa
            bara eller efter innan under over mer fler sina sin sitt vara varit blir blev finns gora gor gjorde hur
            vem heller vilken vilket vilka dessa denna detta era eran ert vart vara ni er oss mig dig sig min din far fick ny nya nytt
            gammal gamla gamle mandag tisdag onsdag torsdag fredag lordag sondag tirsdag lordag sondag

            der dere fra her ikke til ved jeg paa eller hvis hvor hvad vil skal alle noen noe takk tak hei hallo godt
            dag idag imorgen uke uken ogsa bare etter for over mere flere sine sit sin vaere vart blir ble finnes gjore
            hvordan hvilken hvilket hvilke disse denne dette dere deres min din meg deg seg mange mye nogen noget meget
            jeres hvem hvorfor hvornaar

            seka tai kuin ovat mutta myos kiitos hei moi huomenta paivaa kaikki joku jotain mita miten missa milloin
            kuka miksi onko tama tassa nyt taas viela ole olla oli ovat meille teille
            """;
        var stops = new HashSet<ulong>();
        Span<char> buffer = stackalloc char[MaxWordLength];
        foreach (var word in Words.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length > MaxWordLength)
            {
                continue;
            }

            var length = 0;
            foreach (var c in word)
            {
                var folded = FoldChar(c);
                if (folded is not ('\0' or TextFolding.Skip))
                {
                    buffer[length++] = folded;
                }
            }

            stops.Add(Hash(buffer[..Normalise(buffer[..length])]));
        }

        return stops;
    }
}

/// <summary>Receives one word of a text: its normalised hash and where it stands in the text.</summary>
/// <typeparam name="TState">What the callback writes to.</typeparam>
internal delegate void WordAction<TState>(ref TState state, ulong hash, int start, int length)
    where TState : allows ref struct;
