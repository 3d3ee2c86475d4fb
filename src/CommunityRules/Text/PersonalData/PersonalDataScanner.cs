using System.Buffers;

namespace CommunityRules.Text.PersonalData;

/// <summary>
/// Finds personal data in a post: e-mail addresses, phone numbers, Nordic national identity numbers, IBANs and
/// payment card numbers, each only where its format and check digits hold.
/// </summary>
internal static class PersonalDataScanner
{
    // Every value holds a digit or an '@': a phone's '+' and an IBAN's country code are found by looking back from a digit.
    private static readonly SearchValues<char> Candidates = SearchValues.Create("0123456789@");

    private static readonly string[] NameList = ["email", "phone", "personnummer", "fodselsnummer", "cpr", "hetu", "iban", "paymentCard"];

    // The order a value that validates as several kinds is reported in: kinds with a checksum, then CPR (a date), then phone.
    private static readonly PersonalDataKinds[] DigitKindsByPriority =
    [
        PersonalDataKinds.Personnummer,
        PersonalDataKinds.Fodselsnummer,
        PersonalDataKinds.Hetu,
        PersonalDataKinds.PaymentCard,
        PersonalDataKinds.Cpr,
        PersonalDataKinds.Phone,
    ];

    /// <summary>Gets the names used in YAML <c>detectors:</c> lists, in the order of <see cref="PersonalDataKinds"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly(NameList);

    /// <summary>
    /// Finds every value of the enabled kinds whose format and checksum hold and passes it to the sink in text
    /// order, never two that overlap. Allocates nothing: it runs on every post.
    /// </summary>
    public static void Scan<TSink>(ReadOnlySpan<char> text, PersonalDataKinds kinds, ref TSink sink)
        where TSink : struct, IPersonalDataSink
    {
        kinds &= PersonalDataKinds.All;
        if (kinds == PersonalDataKinds.None)
        {
            return;
        }

        var emails = (kinds & PersonalDataKinds.Email) != 0;
        var lastEnd = 0;

        // The end of the last link a value was found in: the rest of its digits are passed over without looking again.
        var linkEnd = 0;

        // Local parts before this index have been tried as addresses already; keeps the scan linear.
        var emailTriedUntil = 0;

        // The next '@' from where addresses are tried, looked for at the first candidate: with none left (most
        // posts), no address can follow and digits are not walked as local parts.
        var nextAt = -1;
        var position = 0;
        while (position < text.Length)
        {
            var offset = text[position..].IndexOfAny(Candidates);
            if (offset < 0)
            {
                return;
            }

            var hit = position + offset;
            var at = -1;
            if (emails && hit > nextAt)
            {
                var after = text[hit..].IndexOf('@');
                nextAt = after < 0 ? -1 : hit + after;
                emails = after >= 0;
            }

            if (emails && hit >= emailTriedUntil)
            {
                // A digit may begin the local part of an address: try the address first, it covers the digits.
                at = text[hit] == '@' ? hit : EmailDetector.EndOfLocalPart(text, hit);
                emailTriedUntil = at + 1;
            }

            PersonalDataMatch match = default;
            if (at >= 0 && at < text.Length && text[at] == '@' && EmailDetector.TryMatch(text, at, lastEnd, out var emailStart, out var emailLength))
            {
                match = new PersonalDataMatch(PersonalDataKinds.Email, emailStart, emailLength);
            }
            else if (text[hit] != '@')
            {
                match = MatchAtDigit(text, hit, lastEnd, kinds, out var needsCue);
                if (match.Length > 0)
                {
                    // Every digit detector's value passes the same gate: the span it stands in may hold no personal data.
                    var quietEnd = PersonalDataContext.NoPersonalDataEnd(text, match, needsCue, ref linkEnd, out var cue);
                    if (quietEnd > 0)
                    {
                        position = quietEnd;
                        continue;
                    }

                    match = PreferNamedKind(text, match, cue, kinds);
                }
            }

            if (match.Length > 0)
            {
                sink.Add(match);
                position = lastEnd = match.Start + match.Length;
                continue;
            }

            // Nothing starts inside a word or a run of digits, so skip the rest of it.
            position = hit + 1;
            while (position < text.Length && IsLetterOrDigit(text[position]))
            {
                position++;
            }
        }
    }

    /// <summary>The value with enough hidden that it no longer identifies anyone; see <see cref="PersonalDataMasking"/>.</summary>
    public static string Mask(PersonalDataKinds kind, ReadOnlySpan<char> value) => PersonalDataMasking.Mask(kind, value);

    /// <summary>The name of a single kind as written in YAML, e.g. <c>personnummer</c>.</summary>
    public static string NameOf(PersonalDataKinds kind) => NameList[IndexOf(kind)];

    /// <summary>The name of a single kind for messages, e.g. <c>Swedish personnummer</c>.</summary>
    public static string DisplayNameOf(PersonalDataKinds kind) => kind switch
    {
        PersonalDataKinds.Email => "e-mail address",
        PersonalDataKinds.Phone => "phone number",
        PersonalDataKinds.Personnummer => "Swedish personnummer",
        PersonalDataKinds.Fodselsnummer => "Norwegian fødselsnummer",
        PersonalDataKinds.Cpr => "Danish CPR number",
        PersonalDataKinds.Hetu => "Finnish henkilötunnus",
        PersonalDataKinds.Iban => "IBAN",
        PersonalDataKinds.PaymentCard => "payment card number",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a single kind of personal data."),
    };

    /// <summary>Reads a name from a YAML <c>detectors:</c> list, ignoring case.</summary>
    public static bool TryParseName(string name, out PersonalDataKinds kind)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var i = 0; i < NameList.Length; i++)
        {
            if (string.Equals(NameList[i], name, StringComparison.OrdinalIgnoreCase))
            {
                kind = (PersonalDataKinds)(1 << i);
                return true;
            }
        }

        kind = PersonalDataKinds.None;
        return false;
    }

    private static int IndexOf(PersonalDataKinds kind)
    {
        var value = (int)kind;
        if (value <= 0 || value > (int)PersonalDataKinds.All || (value & (value - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a single kind of personal data.");
        }

        return System.Numerics.BitOperations.Log2((uint)value);
    }

    // When the words before a value name an identity number ("CPR-nummer 1403851007") whose check the digits also
    // pass, the value is reported as that kind rather than the first kind in priority order.
    private static PersonalDataMatch PreferNamedKind(ReadOnlySpan<char> text, PersonalDataMatch match, CueKind cue, PersonalDataKinds kinds)
    {
        var named = cue switch
        {
            CueKind.Personnummer => PersonalDataKinds.Personnummer,
            CueKind.Fodselsnummer => PersonalDataKinds.Fodselsnummer,
            CueKind.Cpr => PersonalDataKinds.Cpr,
            CueKind.Hetu => PersonalDataKinds.Hetu,
            _ => PersonalDataKinds.None,
        };
        if (named == PersonalDataKinds.None || named == match.Kind || (kinds & named) == 0 || match.Kind is PersonalDataKinds.Iban or PersonalDataKinds.Email)
        {
            return match;
        }

        var length = MatchDigitKind(named, text, match.Start, out _);
        return length > 0 ? new PersonalDataMatch(named, match.Start, length) : match;
    }

    // The value around the digit at hit: an IBAN whose country code precedes it, a phone number whose '+' precedes
    // it, or a value starting at it. The three exclude each other, as they need a letter, a '+' or neither before hit.
    private static PersonalDataMatch MatchAtDigit(ReadOnlySpan<char> text, int hit, int notBefore, PersonalDataKinds kinds, out bool needsCue)
    {
        needsCue = false;
        var previous = hit > 0 ? text[hit - 1] : ' ';
        if (char.IsAsciiLetterUpper(previous))
        {
            var start = hit - 2;
            return (kinds & PersonalDataKinds.Iban) != 0 && start >= notBefore && char.IsAsciiLetterUpper(text[start]) && PersonalDataText.IsBoundaryBefore(text, start)
                ? Found(PersonalDataKinds.Iban, start, IbanDetector.Match(text, start))
                : default;
        }

        if (previous == '+')
        {
            var start = hit - 1;
            return (kinds & PersonalDataKinds.Phone) != 0 && start >= notBefore && PersonalDataText.IsBoundaryBefore(text, start)
                ? Found(PersonalDataKinds.Phone, start, PhoneDetector.Match(text, start, out _))
                : default;
        }

        if (!PersonalDataText.IsBoundaryBefore(text, hit) || !MayStartDigitValue(text, hit))
        {
            return default;
        }

        foreach (var kind in DigitKindsByPriority)
        {
            if ((kinds & kind) != 0)
            {
                var length = MatchDigitKind(kind, text, hit, out needsCue);
                if (length > 0)
                {
                    return new PersonalDataMatch(kind, hit, length);
                }
            }
        }

        return default;
    }

    // Whether any digit kind can start at hit, judged by the run of digits there: turns away the short numbers posts
    // are full of (times, amounts, "3 people") before six detectors look at them. The runs each kind starts with:
    // personnummer 6, 8, 10 or 12 digits; fødselsnummer 6 or 11; henkilötunnus 6; CPR 6 or 10; a card 4 followed by
    // another group, or 13-19; a phone 2-4 followed by another group, 8-10, or after "00" (a country code) any run.
    // PersonalDataScannerTests holds every detector to it.
    internal static bool MayStartDigitValue(ReadOnlySpan<char> text, int hit)
    {
        var run = PersonalDataText.CountDigits(text, hit);
        var afterDoubleZero = run >= 3 && text[hit] == '0' && text[hit + 1] == '0';
        return run switch
        {
            2 or 3 or 4 => afterDoubleZero || IsGroupSeparatorAt(text, hit + run),
            6 or (>= 8 and <= 19) => true,
            _ => afterDoubleZero,
        };
    }

    // A single space or hyphen and a digit after it: where phone numbers and cards go on with another group.
    private static bool IsGroupSeparatorAt(ReadOnlySpan<char> text, int index) =>
        index + 1 < text.Length && text[index] is ' ' or '-' && char.IsAsciiDigit(text[index + 1]);

    // char.IsLetterOrDigit without the Unicode table for ASCII, which is nearly all the characters skipped.
    private static bool IsLetterOrDigit(char c) => char.IsAscii(c) ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    private static int MatchDigitKind(PersonalDataKinds kind, ReadOnlySpan<char> text, int start, out bool needsCue)
    {
        needsCue = false;
        return kind switch
        {
            PersonalDataKinds.Personnummer => PersonnummerDetector.Match(text, start),
            PersonalDataKinds.Fodselsnummer => FodselsnummerDetector.Match(text, start),
            PersonalDataKinds.Hetu => HetuDetector.Match(text, start),
            PersonalDataKinds.PaymentCard => PaymentCardDetector.Match(text, start),
            PersonalDataKinds.Cpr => CprDetector.Match(text, start),
            _ => PhoneDetector.Match(text, start, out needsCue),
        };
    }

    private static PersonalDataMatch Found(PersonalDataKinds kind, int start, int length) => length > 0 ? new PersonalDataMatch(kind, start, length) : default;
}
