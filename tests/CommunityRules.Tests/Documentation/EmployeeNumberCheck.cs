using System.Buffers;
using CommunityRules.Checks;
using CommunityRules.Diagnostics;
using CommunityRules.Text;

namespace Contoso.Governance;

/// <summary>The options of the <c>employeeNumbers</c> check.</summary>
public sealed class EmployeeNumberOptions
{
    /// <summary>Gets or sets the fields to read: all the target has (the default), or the text only.</summary>
    public IReadOnlyList<TextField>? Fields { get; set; }
}

/// <summary>Finds employee numbers in posts and comments, through the rule set's shared text matcher.</summary>
public sealed class EmployeeNumberCheck : Check<EmployeeNumberOptions>
{
    /// <inheritdoc/>
    public override string Kind => "employeeNumbers";

    /// <inheritdoc/>
    public override string Description => "Posts and comments do not show employee numbers.";

    /// <inheritdoc/>
    public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Post, TargetKind.Comment];

    /// <inheritdoc/>
    public override IReadOnlyList<string> MessageArguments { get; } = ["detector", "match", "reason", "field", "position"];

    /// <inheritdoc/>
    protected override void Initialize(CheckInitializationContext context, EmployeeNumberOptions options) =>
        context.RegisterText(new DetectorContribution(EmployeeNumberDetector.Instance, options.Fields));
}

/// <summary>
/// An employee number: "E-" and seven digits, the last a check digit, so that 7×d1 + 6×d2 + … + 1×d7 is divisible by
/// 11. "E-1234560" is one; "E-1234567", a typo or a made-up number, is not.
/// </summary>
public sealed class EmployeeNumberDetector : TextDetector
{
    /// <summary>The detector; it keeps no state, so one serves every rule and thread.</summary>
    public static readonly EmployeeNumberDetector Instance = new();

    private const int Length = 9;
    private static readonly SearchValues<char> Starts = SearchValues.Create("Ee");

    private EmployeeNumberDetector()
        : base("employee number")
    {
    }

    /// <inheritdoc/>
    public override SearchValues<char> StartCharacters => Starts;

    /// <inheritdoc/>
    public override bool FindsPersonalData => true;

    /// <inheritdoc/>
    public override void Detect(ReadOnlySpan<char> text, TextDetections found)
    {
        var from = 0;
        while (from < text.Length)
        {
            var next = text[from..].IndexOfAny(Starts);
            if (next < 0)
            {
                return;
            }

            var start = from + next;
            if (IsEmployeeNumber(text, start))
            {
                found.Add(start, Length);
                from = start + Length;
            }
            else
            {
                from = start + 1;
            }
        }
    }

    private static bool IsEmployeeNumber(ReadOnlySpan<char> text, int start)
    {
        // Not part of a longer word or number: "XE-1234560" and "E-12345601" are something else.
        if (start + Length > text.Length
            || text[start + 1] != '-'
            || (start > 0 && char.IsLetterOrDigit(text[start - 1]))
            || (start + Length < text.Length && char.IsLetterOrDigit(text[start + Length])))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 7; i++)
        {
            var digit = text[start + 2 + i];
            if (!char.IsAsciiDigit(digit))
            {
                return false;
            }

            sum += (7 - i) * (digit - '0');
        }

        return sum % 11 == 0;
    }
}
