using CommunityRules.Checks;
using CommunityRules.Diagnostics;

namespace PackageConsumer;

/// <summary>The options of <see cref="FragileWordsCheck"/>.</summary>
public sealed class FragileWordsOptions
{
    /// <summary>Gets or sets the fewest words a post should have.</summary>
    public int Min { get; set; } = 3;
}

/// <summary>
/// A third-party check with a bug: it counts a post's words, and throws on a post tagged <c>#broken</c>, as a parser
/// meeting an unexpected value would. The engine reports each failure as one CR0005 and goes on. It holds no state, so
/// it declares its actions thread-safe.
/// </summary>
public sealed class FragileWordsCheck : Check<FragileWordsOptions>
{
    public override string Kind => "fragileWords";

    public override string Description => "Posts have at least a few words (and the check throws on #broken).";

    public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Post];

    protected override void Initialize(CheckInitializationContext context, FragileWordsOptions options)
    {
        context.EnableConcurrentExecution();
        context.RegisterPostAction(post =>
        {
            var text = post.Post.Text ?? string.Empty;
            if (text.Contains("#broken", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"cannot count the words of {post.Post.Id}");
            }

            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (words < options.Min)
            {
                post.Report(new MessageArgument("reason", $"{words} words, fewer than {options.Min}"));
            }
        });
    }
}
