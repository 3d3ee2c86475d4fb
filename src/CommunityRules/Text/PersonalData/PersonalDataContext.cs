using System.Buffers;
using CommunityRules.Text.Links;
using static CommunityRules.Text.PersonalData.PersonalDataText;

namespace CommunityRules.Text.PersonalData;

/// <summary>
/// Decides whether a value a digit detector found stands where personal data can stand. Digits inside a link, a
/// plain run of digits in a file name or an identifier, next to a date or time, in an amount, after a reference word (order, invoice,
/// ticket, version, article, EAN, room...) or making up an EAN-13 code are no personal data, whatever their check
/// digits say; an ungrouped 8-digit number is a phone number only after a phone word.
/// </summary>
/// <remarks>
/// The spans are worked out for values found, never for the text around them, so a clean post costs nothing more;
/// a link is worked out once and remembered so that the rest of its digits are passed over without looking again.
/// </remarks>
internal static class PersonalDataContext
{
    // How far back the start of a link may be looked for: further than any link a person pastes.
    private const int MaxTokenLookBack = 2048;

    private static readonly SearchValues<char> WhiteSpace = SearchValues.Create(" \t\r\n\u00A0\u2028\u2029\u202F\u3000");

    private static readonly string[] FileExtensions =
        ["pdf", "doc", "docx", "xls", "xlsx", "xlsm", "ppt", "pptx", "csv", "txt", "log", "json", "xml", "zip", "jpg", "jpeg", "png", "gif", "heic", "mp4", "mov", "msg", "eml", "html", "htm"];

    private static readonly string[] CurrencyWordsAfter =
        ["kr", "kronor", "kroner", "krona", "krone", "sek", "nok", "dkk", "eur", "euro", "euroa", "euros", "usd", "gbp", "tkr", "mkr", "mnok", "msek", "mdkk", "meur"];

    private static readonly string[] CurrencyWordsBefore = ["kr", "sek", "nok", "dkk", "eur", "usd", "gbp"];

    /// <summary>Where the no-personal-data span around <paramref name="match"/> ends, or 0 when the match stands.</summary>
    /// <param name="text">The whole text.</param>
    /// <param name="match">A value a digit detector found.</param>
    /// <param name="needsPhoneCue">Whether the match is a phone number that counts only after a phone word.</param>
    /// <param name="linkEnd">The end of the last link found in this text, kept by the caller between calls.</param>
    /// <param name="cue">The cue read before the match, when it was read.</param>
    public static int NoPersonalDataEnd(ReadOnlySpan<char> text, PersonalDataMatch match, bool needsPhoneCue, ref int linkEnd, out CueKind cue)
    {
        cue = CueKind.None;
        var start = match.Start;
        var end = match.Start + match.Length;
        // The scan goes on inside a link after the value (an address in its query is still an address); the link's
        // end is kept so its other digits are passed over without finding the link again.
        if (start < linkEnd)
        {
            return end;
        }

        var link = LinkAround(text, start);
        if (link > 0)
        {
            linkEnd = link;
            return end;
        }

        if (IsInIdentifierOrFileName(text, start, end) || IsAmount(text, start, end) || IsNextToDateOrTime(text, start, end)
            || (match.Kind == PersonalDataKinds.PaymentCard && IsEan13(text, start, end)))
        {
            return end;
        }

        // No order or ticket number starts with '+': "Frågor om din order: +46 70 123 45 67" is a phone number.
        cue = PersonalDataCues.Before(text, start);
        return (cue == CueKind.Reference && text[start] != '+') || (needsPhoneCue && cue != CueKind.Phone) ? end : 0;
    }

    /// <summary>The end of the link that holds the character at <paramref name="index"/>, or 0 when it is in none.</summary>
    internal static int LinkAround(ReadOnlySpan<char> text, int index)
    {
        // A value at the start of a word is in no link: a link starts with its scheme or host.
        if (index == 0 || IsWhiteSpace(text[index - 1]))
        {
            return 0;
        }

        var tokenStart = index - 1;
        var floor = Math.Max(0, index - MaxTokenLookBack);
        while (tokenStart > floor && !IsWhiteSpace(text[tokenStart - 1]))
        {
            tokenStart--;
        }

        var rest = text[index..].IndexOfAny(WhiteSpace);
        var tokenEnd = rest < 0 ? text.Length : index + rest;
        var token = text[tokenStart..tokenEnd];

        var finder = new LinkFinder(index - tokenStart);
        LinkScanner.Scan(token, ref finder);
        if (finder.End > 0)
        {
            return tokenStart + finder.End;
        }

        return IsBareDomainWithPath(token, index - tokenStart) ? tokenEnd : 0;
    }

    // "intranet.example.se/hr/12345", "borger.dk/arbejde/123": a host of two or more labels ending in a top-level
    // domain of letters, then a '/', before the value.
    private static bool IsBareDomainWithPath(ReadOnlySpan<char> token, int valueIndex)
    {
        var start = 0;
        while (start < valueIndex && token[start] is '(' or '[' or '<' or '"' or '\'' or '*' or '_')
        {
            start++;
        }

        var slash = token[start..valueIndex].IndexOf('/');
        if (slash <= 0)
        {
            return false;
        }

        var host = token.Slice(start, slash);
        var labels = 0;
        var lastLabel = ReadOnlySpan<char>.Empty;
        foreach (var range in host.Split('.'))
        {
            var label = host[range];
            if (label.IsEmpty || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!(char.IsLetterOrDigit(c) || c == '-'))
                {
                    return false;
                }
            }

            labels++;
            lastLabel = label;
        }

        if (labels < 2 || lastLabel.Length < 2)
        {
            return false;
        }

        foreach (var c in lastLabel)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    // "HR-19121212", "protokoll_8503144316", "8503144316.csv": a plain run of digits glued to a word by '-' or '_', or
    // followed by a file extension. A value written with its separator ("lön_850314-4316.pdf") was written as an
    // identity number, and a file name is no place for one either.
    private static bool IsInIdentifierOrFileName(ReadOnlySpan<char> text, int start, int end)
    {
        if (CountDigits(text, start) != end - start)
        {
            return false;
        }

        if (start >= 2 && text[start - 1] is '-' or '_' && char.IsLetterOrDigit(text[start - 2]))
        {
            return true;
        }

        if (end + 1 < text.Length && text[end] == '.')
        {
            var letters = 0;
            while (end + 1 + letters < text.Length && char.IsAsciiLetter(text[end + 1 + letters]))
            {
                letters++;
            }

            var extension = text.Slice(end + 1, letters);
            if (letters is >= 2 and <= 4 && IsBoundaryAfter(text, end + 1 + letters))
            {
                foreach (var known in FileExtensions)
                {
                    if (extension.Equals(known, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    // "1 234 567 kr", "12 34 56 78 kr.", "91234567 €", "45 000:-", "kr 91 234 567,-", "$91234567", "EUR 41 234 567".
    private static bool IsAmount(ReadOnlySpan<char> text, int start, int end)
    {
        var after = end;
        if (after + 1 < text.Length && text[after] is ':' or ',' && text[after + 1] == '-')
        {
            return true;
        }

        if (after < text.Length && IsSpace(text[after]))
        {
            after++;
        }

        if (after < text.Length && text[after] is '€' or '$' or '£')
        {
            return true;
        }

        if (StartsWithWord(text[after..], CurrencyWordsAfter))
        {
            return true;
        }

        var before = start;
        if (before > 0 && IsSpace(text[before - 1]))
        {
            before--;
        }

        if (before > 0 && text[before - 1] is '€' or '$' or '£')
        {
            return true;
        }

        return EndsWithWord(text[..before], CurrencyWordsBefore);
    }

    // "2026-09-30 14:22:05 <value>", "30.09.2026 <value>", "<value> 14:22": a date or time right next to the value is
    // a timestamp the value belongs to.
    private static bool IsNextToDateOrTime(ReadOnlySpan<char> text, int start, int end)
    {
        // Inside a clock: "14:22:05 912 34 567" read from the seconds on.
        if ((start >= 2 && text[start - 1] == ':' && char.IsAsciiDigit(text[start - 2])) || (end + 1 < text.Length && text[end] == ':' && char.IsAsciiDigit(text[end + 1])))
        {
            return true;
        }

        var before = start;
        if (before > 0 && (IsSpace(text[before - 1]) || text[before - 1] == 'T'))
        {
            before--;
        }

        if (EndsWithTime(text[..before]) || EndsWithDate(text[..before]))
        {
            return true;
        }

        var after = end;
        if (after < text.Length && IsSpace(text[after]))
        {
            after++;
        }

        return StartsWithTime(text[after..]);
    }

    // "14:22", "14:22:05", "14:22:05.123", "14:22:05,123"
    private static bool EndsWithTime(ReadOnlySpan<char> text)
    {
        var p = text.Length;
        var fraction = TrailingDigits(text, p);
        if (fraction > 0 && p - fraction - 1 >= 0 && text[p - fraction - 1] is '.' or ',')
        {
            var candidate = p - fraction - 1;
            if (EndsWithClock(text[..candidate]))
            {
                return true;
            }
        }

        return EndsWithClock(text);
    }

    private static bool EndsWithClock(ReadOnlySpan<char> text)
    {
        var p = text.Length;
        var groups = 0;
        while (true)
        {
            var digits = TrailingDigits(text, p);
            if (digits is < 1 or > 2)
            {
                return false;
            }

            p -= digits;
            groups++;
            if (p > 0 && text[p - 1] == ':' && groups < 3)
            {
                p--;
                continue;
            }

            return groups >= 2 && (p == 0 || !char.IsLetterOrDigit(text[p - 1]));
        }
    }

    // "2026-09-30", "30.09.2026", "30/09/2026", "30-09-2026"
    private static bool EndsWithDate(ReadOnlySpan<char> text)
    {
        var p = text.Length;
        var last = TrailingDigits(text, p);
        if (last is not (2 or 4) || p - last - 1 < 0 || text[p - last - 1] is not ('-' or '.' or '/'))
        {
            return false;
        }

        var separator = text[p - last - 1];
        p -= last + 1;
        var middle = TrailingDigits(text, p);
        if (middle is < 1 or > 2 || p - middle - 1 < 0 || text[p - middle - 1] != separator)
        {
            return false;
        }

        p -= middle + 1;
        var first = TrailingDigits(text, p);
        return (first == 4 && last == 2) || (first is 1 or 2 && last == 4);
    }

    private static bool StartsWithTime(ReadOnlySpan<char> text)
    {
        var hours = CountDigits(text, 0);
        return hours is 1 or 2 && hours + 2 < text.Length && text[hours] == ':' && CountDigits(text, hours + 1) == 2;
    }

    private static int TrailingDigits(ReadOnlySpan<char> text, int end)
    {
        var p = end;
        while (p > 0 && char.IsAsciiDigit(text[p - 1]))
        {
            p--;
        }

        return end - p;
    }

    /// <summary>Whether the 13 digits from <paramref name="start"/> to <paramref name="end"/> have a valid EAN-13 (GTIN) check digit.</summary>
    internal static bool IsEan13(ReadOnlySpan<char> text, int start, int end)
    {
        Span<byte> digits = stackalloc byte[13];
        if (CopyDigits(text[start..end], digits) != 13)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += digits[i] * (i % 2 == 0 ? 1 : 3);
        }

        return (10 - (sum % 10)) % 10 == digits[12];
    }

    private static bool StartsWithWord(ReadOnlySpan<char> text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (text.Length == word.Length || !char.IsLetterOrDigit(text[word.Length])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWithWord(ReadOnlySpan<char> text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.EndsWith(word, StringComparison.OrdinalIgnoreCase) && (text.Length == word.Length || !char.IsLetterOrDigit(text[^(word.Length + 1)])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSpace(char c) => c is ' ' or '\u00A0' or '\u202F';

    private static bool IsWhiteSpace(char c) => WhiteSpace.Contains(c);

    // Records the end of the link that holds the value.
    private struct LinkFinder(int index) : ILinkSink
    {
        public int End { get; private set; }

        public void Add(LinkMatch link)
        {
            if (End == 0 && link.Start <= index && index < link.Start + link.Length)
            {
                End = link.Start + link.Length;
            }
        }
    }
}
