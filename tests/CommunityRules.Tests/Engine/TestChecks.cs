using CommunityRules.Checks;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;

namespace CommunityRules.Tests.Engine;

/// <summary>The options of <see cref="EchoCheck"/>.</summary>
public sealed class EchoOptions
{
    /// <summary>Gets or sets the word each finding's reason starts with.</summary>
    public string Prefix { get; set; } = "seen";
}

/// <summary>A custom check over posts and comments that reports every one in its rule's scope, so tests see exactly what a scope selects.</summary>
public sealed class EchoCheck : Check<EchoOptions>
{
    public override string Kind => "echo";

    public override string Description => "Reports every post or comment in the rule's scope.";

    public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Post, TargetKind.Comment];

    protected override void Initialize(CheckInitializationContext context, EchoOptions options)
    {
        if (context.Target == TargetKind.Post)
        {
            context.RegisterPostAction(post => post.Report(new MessageArgument("reason", $"{options.Prefix} post {post.Post.Id}")));
        }
        else
        {
            context.RegisterCommentAction(comment => comment.Report(new MessageArgument("reason", $"{options.Prefix} comment {comment.Comment.Id}")));
        }
    }
}

/// <summary>The options of <see cref="PersonCountryCheck"/>.</summary>
public sealed class PersonCountryOptions
{
    /// <summary>Gets or sets the countries people may be in.</summary>
    public IReadOnlyList<string> Allowed { get; set; } = [];
}

/// <summary>A custom check registered through dependency injection: people must be in one of the allowed countries.</summary>
public sealed class PersonCountryCheck : Check<PersonCountryOptions>
{
    public override string Kind => "personCountry";

    public override string Description => "People are in one of the allowed countries.";

    public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Person];

    protected override void Validate(PersonCountryOptions options, CheckOptionsContext context)
    {
        if (options.Allowed.Count == 0)
        {
            context.ReportError("allowed", "Name at least one allowed country.");
        }
    }

    protected override void Initialize(CheckInitializationContext context, PersonCountryOptions options) =>
        context.RegisterPersonAction(person =>
        {
            var country = person.Person.Country;
            if (country is null || !options.Allowed.Contains(country, StringComparer.OrdinalIgnoreCase))
            {
                person.Report(new MessageArgument("reason", country is null ? "no country is set" : $"{country} is not one of {string.Join(", ", options.Allowed)}"));
            }
        });
}

/// <summary>A faulty custom check: its rules target groups, but it registers an action for people.</summary>
public sealed class WrongTargetCheck : Check<EchoOptions>
{
    public override string Kind => "wrongTarget";

    public override string Description => "Registers a person action for a group rule.";

    public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Group];

    protected override void Initialize(CheckInitializationContext context, EchoOptions options) =>
        context.RegisterPersonAction(person => person.Report(new MessageArgument("reason", "never")));
}

/// <summary>Records progress reports as they come, on the reporting thread (unlike <see cref="Progress{T}"/>).</summary>
internal sealed class ProgressLog : IProgress<AnalysisProgress>
{
    public List<AnalysisProgress> Reports { get; } = [];

    public void Report(AnalysisProgress value) => Reports.Add(value);
}

/// <summary>The options of <see cref="FaultyCheck"/>.</summary>
public sealed class FaultyOptions
{
    /// <summary>Gets or sets the id of the only post the check fails on; every post when empty.</summary>
    public string? FailOn { get; set; }
}

/// <summary>A third-party check with a bug: it throws on posts (all, or the one named), as a parser that meets an unexpected value would.</summary>
public sealed class FaultyCheck : Check<FaultyOptions>
{
    public override string Kind => "faulty";

    public override string Description => "Throws on posts, as a buggy check would.";

    public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Post, TargetKind.Group];

    protected override void Initialize(CheckInitializationContext context, FaultyOptions options)
    {
        if (context.Target == TargetKind.Group)
        {
            context.RegisterEndAction(_ => throw new InvalidOperationException("the end-of-run summary is missing"));
            return;
        }

        context.RegisterPostAction(post =>
        {
            if (options.FailOn is null || options.FailOn == post.Post.Id)
            {
                throw new FormatException($"post {post.Post.Id} has no title");
            }

            post.Report(new MessageArgument("reason", $"post {post.Post.Id} is fine"));
        });
    }
}
