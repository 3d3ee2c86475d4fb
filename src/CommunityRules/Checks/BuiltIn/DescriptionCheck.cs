using CommunityRules.Data;
using CommunityRules.Diagnostics;

namespace CommunityRules.Checks.BuiltIn;

/// <summary>The options of the <c>description</c> check.</summary>
internal sealed class DescriptionOptions
{
    /// <summary>Gets or sets a value indicating whether a group must have a description.</summary>
    public bool Required { get; set; } = true;

    /// <summary>Gets or sets the fewest characters a description may have, not counting spaces at its ends; with <c>required: false</c>, only descriptions that exist are measured.</summary>
    public int MinLength { get; set; }
}

/// <summary>Checks that groups say what they are for.</summary>
internal sealed class DescriptionCheck : Check<DescriptionOptions>
{
    /// <inheritdoc/>
    public override string Kind => "description";

    /// <inheritdoc/>
    public override string Description => "Groups have a description, long enough to tell people what the group is for.";

    /// <inheritdoc/>
    public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Group];

    /// <inheritdoc/>
    protected override DataCapabilities GetRequiredData(DescriptionOptions options) => DataCapabilities.Descriptions;

    /// <inheritdoc/>
    protected override void Validate(DescriptionOptions options, CheckOptionsContext context)
    {
        if (options.MinLength < 0)
        {
            context.ReportError("minLength", $"'minLength' is {options.MinLength}; it must be 0 or more.");
        }
    }

    /// <inheritdoc/>
    /// <remarks>Groups' descriptions: no field of a post, comment or reaction.</remarks>
    private protected override Data.RecordFields GetFieldsRead(DescriptionOptions options) => Data.RecordFields.None;

    /// <inheritdoc/>
    protected override void Initialize(CheckInitializationContext context, DescriptionOptions options) =>
        context.RegisterGroupAction(group =>
        {
            var description = group.Group.Description?.Trim() ?? string.Empty;
            if (description.Length == 0)
            {
                if (options.Required)
                {
                    group.Report(new MessageArgument("reason", "it has no description"), new MessageArgument("length", "0"));
                }
            }
            else if (description.Length < options.MinLength)
            {
                group.Report(
                    new MessageArgument("reason", $"its description is {description.Length} characters long; at least {options.MinLength} are expected"),
                    new MessageArgument("length", description.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        });

    /// <inheritdoc/>
    public override IReadOnlyList<string> MessageArguments { get; } = ["reason", "length"];
}
