using CommunityRules.Checks.BuiltIn.Unanswered;
using CommunityRules.Data;
using CommunityRules.Diagnostics;

namespace CommunityRules.Checks.BuiltIn;

/// <summary>The options of the <c>unanswered</c> check.</summary>
internal sealed class UnansweredOptions
{
    /// <summary>Gets or sets how many hours a question may wait for an answer, counted from when it was posted to the run's moment; younger questions are left alone.</summary>
    /// <value>The default value is 48.</value>
    public int Hours { get; set; } = 48;

    /// <summary>Gets or sets a value indicating whether posts that ask something are questions too, not only posts of type question: a sentence that ends with '?' outside links, or a post that opens with a question word or phrase in Swedish, Norwegian, Danish, Finnish or English ("Vet någon …", "Tietääkö joku …", "Does anyone …"). Rhetorical questions and teasers before a link do not count.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Detect { get; set; } = true;

    /// <summary>Gets or sets the kinds of account (person, bot, system) and the roles whose posts are not questions to answer, such as bots that post reminders. Setting it replaces the list.</summary>
    /// <value>The default value is <c>[bot, system]</c>.</value>
    public IReadOnlyList<string> IgnoreAuthors { get; set; } = ["bot", "system"];
}

/// <summary>
/// Finds questions that nobody has answered: no comment by anyone but the author and no accepted answer, <c>hours</c>
/// after they were posted, measured from the run's moment. The finding says how long the question has waited and
/// suggests up to three people who could answer: the group's active admins and the people who answered most
/// questions in the group.
/// </summary>
/// <remarks>
/// <para>
/// A post streams by before its comments, so the check judges at the end of the run, and stays streamed and light on
/// memory: in a run start action it registers a post action for the run, which keeps, for each question in the rule's
/// scope, its author and group (to credit who answers in the group) and, for a question already older than
/// <c>hours</c>, a copy of the post with its text cut to a few hundred characters (for the finding's message); a
/// comment action marks questions answered and drops that copy, and counts answers per group and person; the end
/// action reports the questions still waiting, in the order they were read. Nothing else of the posts and comments
/// is kept. The bot API (<see cref="PostChecker"/>) checks one post without its comments and never runs this check.
/// </para>
/// <para>
/// Comments written after the run's moment, and comments by bots and system accounts, are not answers. A comment by
/// an unknown or deleted account is one, as nothing says the author wrote it. Reactions are not answers.
/// </para>
/// </remarks>
internal sealed class UnansweredCheck : Check<UnansweredOptions>
{
    /// <inheritdoc/>
    public override string Kind => "unanswered";

    /// <inheritdoc/>
    public override string Description => "Questions that nobody but their author answered, and whose answer nobody accepted, some hours after they were posted.";

    /// <inheritdoc/>
    public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Post];

    /// <inheritdoc/>
    public override IReadOnlyList<string> MessageArguments { get; } = ["reason", "question", "waited", "waitedHours", "postedAt", "suggested", "suggestedIds", "suggestion", "hours"];

    /// <inheritdoc/>
    /// <remarks>Nothing when posts that ask are detected; without detection, only posts the network typed as questions are questions, so the data must tell which they are.</remarks>
    protected override DataCapabilities GetRequiredData(UnansweredOptions options) =>
        options.Detect ? DataCapabilities.None : DataCapabilities.QuestionType;

    /// <inheritdoc/>
    protected override void Validate(UnansweredOptions options, CheckOptionsContext context)
    {
        if (options.Hours < 1)
        {
            context.ReportError("hours", $"'hours' is {options.Hours}; it must be 1 or more, such as 48 for two days.");
        }

        if (options.IgnoreAuthors is null)
        {
            context.ReportError("ignoreAuthors", "'ignoreAuthors' has no value; write a list of kinds or roles such as [bot, system], or [] to take every author's questions.");
        }
        else if (options.IgnoreAuthors.Any(string.IsNullOrWhiteSpace))
        {
            context.ReportError("ignoreAuthors", "'ignoreAuthors' has a blank entry; remove it or write a kind (person, bot, system) or a role.");
        }
    }

    /// <inheritdoc/>
    /// <remarks>The posts' title and text (questions are detected and quoted from them); of comments only ids, authors, times and accepted answers.</remarks>
    private protected override Data.RecordFields GetFieldsRead(UnansweredOptions options) => Data.RecordFields.PostTitle | Data.RecordFields.PostText;

    /// <inheritdoc/>
    protected override void Initialize(CheckInitializationContext context, UnansweredOptions options) =>
        context.RegisterRunStartAction(start =>
        {
            // One run's questions: rule sets run many times, even at once, so nothing lives in the check's fields.
            var run = new UnansweredRun(options, start.Network.AsOf);
            start.RegisterPostAction(run.Add);
            start.RegisterCommentAction(run.Observe);
            start.RegisterEndAction(run.Report);
        });
}
