using CommunityRules.Diagnostics;
using CommunityRules.Model;
using CommunityRules.Rules;

namespace CommunityRules.Checks.BuiltIn;

/// <summary>The options of the <c>privacy</c> check.</summary>
internal sealed class PrivacyOptions
{
    /// <summary>Gets or sets the privacy values groups in the rule's scope may have, such as <c>[closed, secret]</c> for HR groups; empty for any.</summary>
    public List<GroupPrivacy> Allowed { get; set; } = [];

    /// <summary>Gets or sets the privacy values, such as <c>[secret]</c>, whose groups must carry at least one of <c>topics</c> that says why they are hidden.</summary>
    public List<GroupPrivacy> RequireTopicFor { get; set; } = [];

    /// <summary>Gets or sets the topics that justify the privacy values in <c>requireTopicFor</c>, such as <c>[leadership, hr, legal]</c>; case is ignored.</summary>
    public List<string> Topics { get; set; } = [];

    /// <summary>Gets or sets a value indicating whether groups whose privacy the export does not give are reported; otherwise they are left alone.</summary>
    public bool RequireKnown { get; set; }
}

/// <summary>
/// Checks who can find and read groups: only the privacy values a rule allows, and a topic that says why for
/// groups hidden from most people.
/// </summary>
internal sealed class PrivacyCheck : Check<PrivacyOptions>
{
    /// <inheritdoc/>
    public override string Kind => "privacy";

    /// <inheritdoc/>
    public override string Description => "Groups have a privacy the rule allows, and hidden groups carry a topic that says why.";

    /// <inheritdoc/>
    public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Group];

    /// <inheritdoc/>
    public override IReadOnlyList<string> MessageArguments { get; } = ["reason", "privacy"];

    /// <inheritdoc/>
    protected override void Validate(PrivacyOptions options, CheckOptionsContext context)
    {
        if (options.Allowed.Count == 0 && options.RequireTopicFor.Count == 0 && !options.RequireKnown)
        {
            context.ReportError("allowed", "The privacy check has nothing to check; set 'allowed' (such as [closed, secret]), 'requireTopicFor' with 'topics', or 'requireKnown: true'.");
            return;
        }

        if (options.RequireTopicFor.Count > 0 && options.Topics.Count == 0)
        {
            context.ReportError("requireTopicFor", $"'requireTopicFor' needs 'topics': list the topics that say why a {Or(options.RequireTopicFor)} group is hidden, such as 'topics: [leadership, hr, legal]'.");
        }

        if (options.Topics.Count > 0 && options.RequireTopicFor.Count == 0)
        {
            context.ReportError("topics", "'topics' is only used with 'requireTopicFor'; say which groups need one of these topics, such as 'requireTopicFor: [secret]'.");
        }

        if (options.Topics.Any(string.IsNullOrWhiteSpace))
        {
            context.ReportError("topics", "'topics' has an empty entry; remove it or write the topic it should hold.");
        }
    }

    /// <inheritdoc/>
    /// <remarks>Groups' privacy: no field of a post, comment or reaction.</remarks>
    private protected override Data.RecordFields GetFieldsRead(PrivacyOptions options) => Data.RecordFields.None;

    /// <inheritdoc/>
    protected override void Initialize(CheckInitializationContext context, PrivacyOptions options)
    {
        var allowed = options.Allowed.ToHashSet();
        var needsTopic = options.RequireTopicFor.ToHashSet();
        var topics = new HashSet<string>(options.Topics.Select(topic => topic.Trim()), StringComparer.OrdinalIgnoreCase);
        var topicList = Or([.. options.Topics.Select(topic => topic.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)]);
        context.RegisterGroupAction(group =>
        {
            if (group.Group.Privacy is not { } privacy)
            {
                if (options.RequireKnown)
                {
                    group.Report(new MessageArgument("reason", "its privacy is not known; the export does not say who can find and read it"), new MessageArgument("privacy", "unknown"));
                }

                return;
            }

            var text = FieldText.Of(privacy);
            string? reason = null;
            if (allowed.Count > 0 && !allowed.Contains(privacy))
            {
                reason = $"it is {text}, and only {Or(options.Allowed)} groups are allowed here";
            }
            else if (needsTopic.Contains(privacy) && !group.Group.Topics.Any(topic => topics.Contains(topic.Trim())))
            {
                var held = group.Group.Topics.Where(topic => !string.IsNullOrWhiteSpace(topic)).ToList();
                reason = held.Count == 0
                    ? $"it is {text} and has no topic; a {text} group needs one of the topics {topicList} to say why it is hidden"
                    : $"it is {text}, and none of its topics ({string.Join(", ", held)}) says why; a {text} group needs one of the topics {topicList}";
            }

            if (reason is not null)
            {
                group.Report(new MessageArgument("reason", reason), new MessageArgument("privacy", text));
            }
        });
    }

    private static string Or(IReadOnlyList<GroupPrivacy> values) => Or([.. values.Distinct().Select(FieldText.Of)]);

    private static string Or(IReadOnlyList<string> values) => values.Count switch
    {
        0 => string.Empty,
        1 => values[0],
        _ => string.Join(", ", values.Take(values.Count - 1)) + " or " + values[^1],
    };
}
