namespace CommunityRules.Text.PersonalData;

/// <summary>
/// E-mail addresses, a practical subset of RFC 5322 and 6531: a dot-atom local part of letters, digits and
/// <c>. _ % + -</c> (so <c>first.last+tag@</c> works), and a domain of at least two labels of letters, digits and
/// inner hyphens, Unicode letters included, whose last label (the TLD) is 2+ letters or an <c>xn--</c> label.
/// </summary>
internal static class EmailDetector
{
    private const int MaxLocalLength = 64;
    private const int MaxDomainLength = 253;
    private const int MaxLabelLength = 63;

    public static bool IsLocalCharacter(char c) => char.IsLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    /// <summary>Where the run of local-part characters from <paramref name="start"/> ends: at an '@' if an address could start here.</summary>
    public static int EndOfLocalPart(ReadOnlySpan<char> text, int start)
    {
        var end = start;
        while (end < text.Length && IsLocalCharacter(text[end]))
        {
            end++;
        }

        return end;
    }

    /// <summary>Finds the address around the '@' at <paramref name="at"/>, starting no earlier than <paramref name="notBefore"/>.</summary>
    public static bool TryMatch(ReadOnlySpan<char> text, int at, int notBefore, out int start, out int length)
    {
        start = at;
        length = 0;
        while (start > notBefore && IsLocalCharacter(text[start - 1]) && !IsEllipsisBefore(text, start))
        {
            start--;
        }

        // A dot before the address is punctuation ("see...anna@example.com", ".anna@example.com"), not part of it.
        while (start < at && text[start] == '.')
        {
            start++;
        }

        var local = text[start..at];
        if (local.Length is 0 or > MaxLocalLength || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal) || !PersonalDataText.IsBoundaryBefore(text, start))
        {
            return false;
        }

        var domainLength = MatchDomain(text, at + 1);
        if (domainLength == 0)
        {
            return false;
        }

        length = at + 1 + domainLength - start;
        return true;
    }

    // Three dots are an ellipsis, which ends a sentence rather than continuing the local part; two are an invalid address.
    private static bool IsEllipsisBefore(ReadOnlySpan<char> text, int index) =>
        index >= 3 && text[index - 1] == '.' && text[index - 2] == '.' && text[index - 3] == '.';

    private static int MatchDomain(ReadOnlySpan<char> text, int start)
    {
        var position = start;
        var labels = 0;
        var lastLabelStart = start;
        while (true)
        {
            var labelStart = position;
            while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] == '-'))
            {
                position++;
            }

            var label = text[labelStart..position];
            if (label.Length is 0 or > MaxLabelLength || label[0] == '-' || label[^1] == '-')
            {
                return 0;
            }

            labels++;
            lastLabelStart = labelStart;

            // A dot continues the domain only if a label follows; otherwise it ends the sentence.
            if (position + 1 < text.Length && text[position] == '.' && char.IsLetterOrDigit(text[position + 1]))
            {
                position++;
                continue;
            }

            break;
        }

        var length = position - start;
        return labels >= 2 && length <= MaxDomainLength && IsTopLevelDomain(text[lastLabelStart..position]) ? length : 0;
    }

    private static bool IsTopLevelDomain(ReadOnlySpan<char> label)
    {
        if (label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase))
        {
            return label.Length > 4;
        }

        if (label.Length < 2)
        {
            return false;
        }

        foreach (var c in label)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
