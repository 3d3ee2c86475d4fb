using CommunityRules.Diagnostics;
using CommunityRules.Text;

namespace CommunityRules.Checks.BuiltIn;

/// <summary>The options of the <c>shouting</c> check.</summary>
internal sealed class ShoutingOptions
{
    /// <summary>Gets or sets the largest share of capital letters among all letters, from 0 to 1; 0.6 means more than 60 % capitals is shouting.</summary>
    public double MaxCapitalShare { get; set; } = 0.6;

    /// <summary>Gets or sets the fewest letters a text needs before it can count as shouting, so short acronyms such as 'FYI: HR' pass.</summary>
    public int MinLetters { get; set; } = 20;

    /// <summary>Gets or sets the fields to read, each on its own: title and text of a post (the default), or the text only.</summary>
    public IReadOnlyList<PostField>? Fields { get; set; }
}

/// <summary>Finds posts and comments written mostly in capital letters.</summary>
internal sealed class ShoutingCheck : Check<ShoutingOptions>
{
    /// <inheritdoc/>
    public override string Kind => "shouting";

    /// <inheritdoc/>
    public override string Description => "Posts and comments are not written mostly in capital letters.";

    /// <inheritdoc/>
    public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Post, TargetKind.Comment];

    /// <inheritdoc/>
    public override IReadOnlyList<string> MessageArguments { get; } = ["share", "limit", "field", "reason"];

    /// <inheritdoc/>
    protected override void Validate(ShoutingOptions options, CheckOptionsContext context)
    {
        PostFields.Validate(options.Fields, context);
        if (options.MaxCapitalShare is <= 0 or >= 1 || double.IsNaN(options.MaxCapitalShare))
        {
            context.ReportError("maxCapitalShare", $"The share must be more than 0 and less than 1, such as 0.6 for 60 %; {options.MaxCapitalShare} is not.");
        }

        if (options.MinLetters < 1)
        {
            context.ReportError("minLetters", "minLetters must be 1 or more, such as 20.");
        }
    }

    /// <inheritdoc/>
    /// <remarks>Only its text contribution, whose fields the engine adds.</remarks>
    private protected override Data.RecordFields GetFieldsRead(ShoutingOptions options) => Data.RecordFields.None;

    /// <inheritdoc/>
    protected override void Initialize(CheckInitializationContext context, ShoutingOptions options) =>
        context.RegisterText(new ShoutingContribution(PostFields.Resolve(options.Fields, context.Target), options.MaxCapitalShare, options.MinLetters));
}
