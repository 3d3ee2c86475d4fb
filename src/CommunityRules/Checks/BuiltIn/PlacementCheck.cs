using System.Globalization;
using CommunityRules.Checks.BuiltIn.Placement;
using CommunityRules.Diagnostics;
using CommunityRules.Text;

namespace CommunityRules.Checks.BuiltIn;

/// <summary>The options of the <c>placement</c> check.</summary>
internal sealed class PlacementOptions
{
    /// <summary>Gets or sets the score, from 0 to 1, the suggested group must reach: how well the post's words fit what is written in that group and what its name, description and topics say (the cosine of their TF-IDF vectors).</summary>
    public double MinConfidence { get; set; } = 0.25;

    /// <summary>Gets or sets how much higher, from 0 to 1, the suggested group must score than the post's own group: a post that fits its own group about as well as another is never reported.</summary>
    public double Margin { get; set; } = 0.15;

    /// <summary>Gets or sets the fewest words a post must have, not counting function words, greetings and thanks, to be judged: short and generic posts ("Tack!", "Welcome everyone!") never get a suggestion.</summary>
    public int MinWords { get; set; } = 6;

    /// <summary>Gets or sets groups, by id or by name (case ignored), whose posts are not judged and which are never suggested, such as company-wide groups where anything goes.</summary>
    public IReadOnlyList<string> IgnoreGroups { get; set; } = [];
}

/// <summary>
/// Finds posts whose words fit another group clearly better than their own: each group's profile is its name,
/// description, topics and what is written in it, gathered while the posts are read; the posts are then read a second
/// time and each is compared with every profile it shares words with.
/// </summary>
internal sealed class PlacementCheck : Check<PlacementOptions>
{
    /// <inheritdoc/>
    public override string Kind => "placement";

    /// <inheritdoc/>
    public override string Description => "Posts whose words fit another group clearly better than the group they were posted in, with the group to move them to.";

    /// <inheritdoc/>
    public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Post];

    /// <inheritdoc/>
    public override IReadOnlyList<string> MessageArguments { get; } = ["reason", "suggestedGroup", "suggestedGroupId", "score", "ownScore", "words"];

    /// <inheritdoc/>
    protected override void Validate(PlacementOptions options, CheckOptionsContext context)
    {
        if (!(options.MinConfidence > 0 && options.MinConfidence <= 1))
        {
            context.ReportError("minConfidence", $"'minConfidence' is {Number(options.MinConfidence)}; it must be more than 0 and at most 1, such as 0.25.");
        }

        if (!(options.Margin is >= 0 and < 1))
        {
            context.ReportError("margin", $"'margin' is {Number(options.Margin)}; it must be from 0 to less than 1, such as 0.15.");
        }

        if (options.MinWords < 1)
        {
            context.ReportError("minWords", $"'minWords' is {options.MinWords}; it must be 1 or more, such as 6.");
        }

        if (options.IgnoreGroups is null)
        {
            context.ReportError("ignoreGroups", "'ignoreGroups' has no value; write a list of group ids or names such as [\"All Company\"], or [] to judge every group.");
        }
        else if (options.IgnoreGroups.Any(string.IsNullOrWhiteSpace))
        {
            context.ReportError("ignoreGroups", "'ignoreGroups' has a blank entry; remove it or write the group's id or name.");
        }
    }

    /// <inheritdoc/>
    /// <remarks>The posts' title and text: each group's words are learnt from them.</remarks>
    private protected override Data.RecordFields GetFieldsRead(PlacementOptions options) => Data.RecordFields.PostTitle | Data.RecordFields.PostText;

    /// <inheritdoc/>
    protected override void Initialize(CheckInitializationContext context, PlacementOptions options)
    {
        var settings = new PlacementSettings(options);
        context.RegisterRunStartAction(start =>
        {
            // The profiles belong to this run: gathered in the first reading, frozen at its end, used in the second.
            var run = new PlacementRun(settings);
            start.RegisterGroupPostAction(post => run.Learn(post.Post, post.Group));
            start.RegisterEndAction(end => run.Freeze(end.Network.Groups));
            start.RegisterSecondPassPostAction(post =>
            {
                var group = post.Network.FindGroup(post.Post.GroupId);
                if (run.Judge(post.Post, group) is { } suggestion)
                {
                    post.Report(Arguments(suggestion));
                }
            });
        });
    }

    private static MessageArgument[] Arguments(PlacementSuggestion suggestion)
    {
        var name = suggestion.Group.Name is { } groupName ? EchoedText.Field(groupName) : suggestion.Group.Id;
        var score = Score(suggestion.Score);
        var ownScore = Score(suggestion.OwnScore);
        var words = EchoedText.Field(string.Join(", ", suggestion.Words));
        var reason = $"its words fit '{name}' ({score}) better than its own group ({ownScore})" + (words.Length > 0 ? $": {words}" : string.Empty);
        return
        [
            new("reason", reason),
            new("suggestedGroup", name),
            new("suggestedGroupId", suggestion.Group.Id),
            new("score", score),
            new("ownScore", ownScore),
            new("words", words),
        ];
    }

    private static string Score(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
