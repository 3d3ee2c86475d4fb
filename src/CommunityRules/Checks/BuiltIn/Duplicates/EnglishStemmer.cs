namespace CommunityRules.Checks.BuiltIn.Duplicates;

/// <summary>
/// Takes the English inflections off a folded word, so that "tags" and "tag", "closed", "closing" and "close",
/// "merge" and "merged" compare equal: steps 1 and 5a of Porter's stemmer (plurals, -ed, -ing, a final -y and -e),
/// nothing more. Words in other languages pass through mostly unchanged, and whatever changes, changes the same way on
/// both sides of a comparison.
/// </summary>
internal static class EnglishStemmer
{
    /// <summary>Words shorter than this are left alone: "is", "bus" and "has" are not plurals.</summary>
    private const int MinLength = 4;

    /// <summary>Stems a folded word.</summary>
    public static string Stem(string word)
    {
        if (word.Length < MinLength || word.Length > 64)
        {
            return word;
        }

        Span<char> buffer = stackalloc char[word.Length + 1];
        word.AsSpan().CopyTo(buffer);
        var length = Stem(buffer, word.Length);
        return length == word.Length && buffer[..length].SequenceEqual(word) ? word : new string(buffer[..length]);
    }

    /// <summary>Stems the folded word in the first <paramref name="length"/> characters of the buffer, which has room for one more; returns its new length.</summary>
    public static int Stem(Span<char> w, int length)
    {
        if (length < MinLength || !IsPlain(w[..length]))
        {
            return length;
        }

        var k = length;

        // Step 1a: plurals.
        if (EndsWith(w, k, "sses") || EndsWith(w, k, "ies"))
        {
            k -= 2;
        }
        else if (w[k - 1] == 's' && w[k - 2] != 's')
        {
            k--;
        }

        // Step 1b: -eed, -ed, -ing.
        if (EndsWith(w, k, "eed"))
        {
            if (Measure(w, k - 3) > 0)
            {
                k--;
            }
        }
        else if ((EndsWith(w, k, "ed") && HasVowel(w, k - 2)) || (EndsWith(w, k, "ing") && HasVowel(w, k - 3)))
        {
            k -= w[k - 1] == 'd' ? 2 : 3;
            if (EndsWith(w, k, "at") || EndsWith(w, k, "bl") || EndsWith(w, k, "iz"))
            {
                w[k++] = 'e';
            }
            else if (k >= 2 && w[k - 1] == w[k - 2] && IsConsonant(w, k - 1) && w[k - 1] is not ('l' or 's' or 'z'))
            {
                k--;
            }
            else if (Measure(w, k) == 1 && EndsConsonantVowelConsonant(w, k))
            {
                w[k++] = 'e';
            }
        }

        // Step 1c: a final y after a vowel somewhere before it is i ("category", "categories").
        if (k > 2 && w[k - 1] == 'y' && HasVowel(w, k - 1))
        {
            w[k - 1] = 'i';
        }

        // Step 5a: a final e goes when enough is left ("merge" ~ "merg"), but not from a short word such as "close".
        if (k > 2 && w[k - 1] == 'e')
        {
            var m = Measure(w, k - 1);
            if (m > 1 || (m == 1 && !EndsConsonantVowelConsonant(w, k - 1)))
            {
                k--;
            }
        }

        return k;
    }

    /// <summary>Only words of the letters a to z are stemmed: a word with digits or other letters is not English.</summary>
    private static bool IsPlain(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }

    private static bool EndsWith(Span<char> w, int k, string suffix) =>
        k > suffix.Length && w[..k].EndsWith(suffix, StringComparison.Ordinal);

    private static bool IsConsonant(Span<char> w, int i) => w[i] switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => false,
        'y' => i == 0 || !IsConsonant(w, i - 1),
        _ => true,
    };

    private static bool HasVowel(Span<char> w, int k)
    {
        for (var i = 0; i < k; i++)
        {
            if (!IsConsonant(w, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Porter's m: the number of vowel-consonant sequences in the first k letters.</summary>
    private static int Measure(Span<char> w, int k)
    {
        var m = 0;
        var i = 0;
        while (i < k && IsConsonant(w, i))
        {
            i++;
        }

        while (i < k)
        {
            while (i < k && !IsConsonant(w, i))
            {
                i++;
            }

            if (i >= k)
            {
                break;
            }

            m++;
            while (i < k && IsConsonant(w, i))
            {
                i++;
            }
        }

        return m;
    }

    /// <summary>Porter's *o: the first k letters end consonant, vowel, consonant, the last not w, x or y ("hop", "clos").</summary>
    private static bool EndsConsonantVowelConsonant(Span<char> w, int k) =>
        k >= 3 && IsConsonant(w, k - 3) && !IsConsonant(w, k - 2) && IsConsonant(w, k - 1) && w[k - 1] is not ('w' or 'x' or 'y');
}
