using System.Globalization;
using CommunityRules.Diagnostics;
using CommunityRules.Text;

namespace CommunityRules.Checks.BuiltIn;

/// <summary>The options of the <c>length</c> check.</summary>
internal sealed class LengthOptions
{
    /// <summary>Gets or sets the fewest characters the text may have; an empty or missing text has none.</summary>
    public int? MinLength { get; set; }

    /// <summary>Gets or sets the most characters the text may have.</summary>
    public int? MaxLength { get; set; }

    /// <summary>Gets or sets the fields to measure, each on its own: the text (the default) or a post's title.</summary>
    public IReadOnlyList<PostField>? Fields { get; set; }
}

/// <summary>Checks that posts and comments are neither too short nor too long, counted in characters as people see them (an emoji is one).</summary>
internal sealed class LengthCheck : Check<LengthOptions>
{
    /// <inheritdoc/>
    public override string Kind => "length";

    /// <inheritdoc/>
    public override string Description => "Posts and comments are between a minimum and a maximum number of characters.";

    /// <inheritdoc/>
    public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Post, TargetKind.Comment];

    /// <inheritdoc/>
    public override IReadOnlyList<string> MessageArguments { get; } = ["length", "limit", "field", "reason"];

    /// <inheritdoc/>
    protected override void Validate(LengthOptions options, CheckOptionsContext context)
    {
        PostFields.Validate(options.Fields, context);
        if (options.MinLength is null && options.MaxLength is null)
        {
            context.ReportError("minLength", "The length check has nothing to check; set 'minLength', 'maxLength' or both.");
        }
        else if (options.MinLength is < 0 || options.MaxLength is < 1 || options.MinLength > options.MaxLength)
        {
            context.ReportError(options.MinLength is < 0 || options.MinLength > options.MaxLength ? "minLength" : "maxLength", "The length limits are not possible: minLength must be 0 or more, maxLength 1 or more, and minLength at most maxLength.");
        }
    }

    /// <inheritdoc/>
    /// <remarks>Only its text contribution, whose fields the engine adds.</remarks>
    private protected override Data.RecordFields GetFieldsRead(LengthOptions options) => Data.RecordFields.None;

    /// <inheritdoc/>
    protected override void Initialize(CheckInitializationContext context, LengthOptions options) =>
        context.RegisterText(new DetectorContribution(new LengthDetector(options.MinLength, options.MaxLength), PostFields.Resolve(options.Fields, context.Target, titleByDefault: false)));
}

/// <summary>Finds a text that is too short or too long: a measure of the whole text, so a match of length 0 at its start.</summary>
internal sealed class LengthDetector(int? minLength, int? maxLength) : TextDetector("length")
{
    public override void Detect(ReadOnlySpan<char> text, TextDetections found)
    {
        var length = FieldMatcher.CountCharacters(text);
        if (length < minLength || length > maxLength)
        {
            found.Add(0, 0);
        }
    }

    // Counted again only for a text being reported, so the scan keeps nothing but the hit.
    public override TextFinding Describe(TextDetection detection)
    {
        var count = FieldMatcher.CountCharacters(detection.Text);
        var tooShort = count < minLength;
        var limit = (tooShort ? minLength : maxLength)!.Value;
        var length = count.ToString(CultureInfo.InvariantCulture);
        return new TextFinding("length", "length", [
            new("length", length),
            new("limit", limit.ToString(CultureInfo.InvariantCulture)),
            new("reason", $"it is {length} {(count == 1 ? "character" : "characters")} long; the {(tooShort ? "minimum" : "maximum")} is {limit}")]);
    }
}
