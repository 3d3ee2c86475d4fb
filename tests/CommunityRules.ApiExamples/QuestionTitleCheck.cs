// Shown in docs/api.md ("Extend: a check"); ApiPageTests keeps the two identical and runs it.
using System.Globalization;
using CommunityRules.Checks;
using CommunityRules.Diagnostics;

namespace CommunityRules.ApiExamples;

/// <summary>The options of <c>check: questionTitle</c>, bound from the rule's <c>options:</c>.</summary>
public sealed class QuestionTitleOptions
{
    /// <summary>Gets or sets the fewest words a question's title has.</summary>
    public int MinWords { get; set; } = 3;
}

public sealed class QuestionTitleCheck : Check<QuestionTitleOptions>
{
    public override string Kind => "questionTitle";

    public override string Description => "Questions have a title of a few words.";

    public override IReadOnlyList<TargetKind> SupportedTargets => [TargetKind.Post];

    protected override void Initialize(CheckInitializationContext context, QuestionTitleOptions options) =>
        context.RegisterPostAction(post =>
        {
            var words = post.Post.Title?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length ?? 0;
            if (words < options.MinWords)
            {
                post.Report(new MessageArgument("reason", string.Create(CultureInfo.InvariantCulture, $"its title has {words} words; at least {options.MinWords} are expected")));
            }
        });
}
