using System.Buffers;
using CommunityRules.Checks;
using CommunityRules.Diagnostics;
using CommunityRules.Text;

namespace PackageConsumer;

/// <summary>The options of <see cref="BadgeNumberCheck"/>: none beyond the fields, which default to all the target has.</summary>
public sealed class BadgeNumberOptions
{
    /// <summary>Gets or sets the fields to read.</summary>
    public IReadOnlyList<TextField>? Fields { get; set; }
}

/// <summary>
/// A third-party text check: it adds its own detector to the rule set's one shared matcher per field, so its posts are
/// scanned in the same pass as the built-in text rules, and reports what the detector finds as the built-ins do.
/// </summary>
public sealed class BadgeNumberCheck : Check<BadgeNumberOptions>
{
    public override string Kind => "badgeNumbers";

    public override string Description => "Posts do not show badge numbers.";

    public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Post, TargetKind.Comment];

    public override IReadOnlyList<string> MessageArguments { get; } = ["detector", "match", "reason", "field", "position"];

    protected override void Initialize(CheckInitializationContext context, BadgeNumberOptions options) =>
        context.RegisterText(new DetectorContribution(BadgeNumberDetector.Instance, options.Fields));
}

/// <summary>A badge number: "B-", six digits and a Luhn check digit ("B-4802153"); a number whose check digit is wrong is not one.</summary>
public sealed class BadgeNumberDetector : TextDetector
{
    public static readonly BadgeNumberDetector Instance = new();

    private const int Length = 9;
    private static readonly SearchValues<char> Starts = SearchValues.Create("B");

    private BadgeNumberDetector()
        : base("badge number")
    {
    }

    public override SearchValues<char> StartCharacters => Starts;

    public override bool FindsPersonalData => true;

    public override void Detect(ReadOnlySpan<char> text, TextDetections found)
    {
        for (var start = text.IndexOf('B'); start >= 0; start = Next(text, start + 1))
        {
            if (IsBadgeNumber(text, start))
            {
                found.Add(start, Length);
            }
        }
    }

    private static int Next(ReadOnlySpan<char> text, int from)
    {
        var next = from < text.Length ? text[from..].IndexOf('B') : -1;
        return next < 0 ? -1 : from + next;
    }

    private static bool IsBadgeNumber(ReadOnlySpan<char> text, int start)
    {
        if (start + Length > text.Length || text[start + 1] != '-'
            || (start > 0 && char.IsLetterOrDigit(text[start - 1]))
            || (start + Length < text.Length && char.IsLetterOrDigit(text[start + Length])))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 7; i++)
        {
            var c = text[start + 2 + i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            // Luhn, from the right: every second digit from the check digit's left neighbour is doubled.
            var digit = c - '0';
            if ((6 - i) % 2 == 1)
            {
                digit = digit * 2 > 9 ? (digit * 2) - 9 : digit * 2;
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }
}
