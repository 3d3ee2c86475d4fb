using System.Globalization;
using CommunityRules.Diagnostics;
using CommunityRules.Model;
using CommunityRules.Rules;

namespace CommunityRules.Checks.BuiltIn;

/// <summary>The options of the <c>inactivity</c> check.</summary>
internal sealed class InactivityOptions
{
    /// <summary>Gets or sets how many days without a post or comment make a group inactive: time to help it.</summary>
    public int Days { get; set; } = 90;

    /// <summary>Gets or sets after how many days without a post or comment to propose archiving the group instead, as the <c>archive</c> outcome; none for no archive stage.</summary>
    public int? ArchiveAfterDays { get; set; }

    /// <summary>Gets or sets how many months of activity before the run's moment the finding's trend shows.</summary>
    public int TrendMonths { get; set; } = 6;
}

/// <summary>
/// Finds groups where nobody has posted or commented for a number of days before the run's moment. Groups younger
/// than that and archived groups are left alone.
/// </summary>
internal sealed class InactivityCheck : Check<InactivityOptions>
{
    /// <summary>The second stage: a group silent for <see cref="InactivityOptions.ArchiveAfterDays"/> is proposed for archiving.</summary>
    public static readonly CheckOutcome Archive = new(
        "archive",
        "Silent groups are proposed for archiving",
        "'{group.name}' has gone silent: {reason}. Propose archiving it at the quarterly review. Activity per month: {trend}.",
        Severity.Warning,
        "A group silent for much longer than the help stage is unlikely to recover; archiving it keeps the network easy to find your way in.");

    /// <inheritdoc/>
    public override string Kind => "inactivity";

    /// <inheritdoc/>
    public override string Description => "Groups where nobody has posted or commented for a number of days.";

    /// <inheritdoc/>
    public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Group];

    /// <inheritdoc/>
    public override IReadOnlyList<string> MessageArguments { get; } = ["reason", "lastActivity", "daysInactive", "days", "trend"];

    /// <inheritdoc/>
    public override IReadOnlyList<CheckOutcome> Outcomes { get; } = [Archive];

    /// <inheritdoc/>
    protected override void Validate(InactivityOptions options, CheckOptionsContext context)
    {
        if (options.Days < 1)
        {
            context.ReportError("days", $"'days' is {options.Days}; it must be 1 or more.");
        }

        if (options.ArchiveAfterDays is { } archive && archive <= options.Days)
        {
            context.ReportError("archiveAfterDays", $"'archiveAfterDays' is {archive}, not more than 'days' ({options.Days}); the archive stage must come after the help stage.");
        }

        if (options.TrendMonths is < 1 or > 24)
        {
            context.ReportError("trendMonths", $"'trendMonths' is {options.TrendMonths}; it must be from 1 to 24.");
        }
    }

    /// <inheritdoc/>
    /// <remarks>The groups' activity, which the engine counts from ids and times: no optional field.</remarks>
    private protected override Data.RecordFields GetFieldsRead(InactivityOptions options) => Data.RecordFields.None;

    /// <inheritdoc/>
    protected override void Initialize(CheckInitializationContext context, InactivityOptions options) =>
        context.RegisterEndAction(end =>
        {
            var asOf = end.Network.AsOf;
            var window = TimeSpan.FromDays(options.Days);
            foreach (var group in end.GroupsInScope)
            {
                end.CancellationToken.ThrowIfCancellationRequested();
                if (group.Archived || (group.CreatedAt is { } created && asOf - created < window))
                {
                    continue;
                }

                var activity = end.Network.GetActivity(group.Id);
                var last = activity.LastActivityAt;
                if (last is { } lastActive && asOf - lastActive < window)
                {
                    continue;
                }

                var idleSince = last ?? group.CreatedAt;
                var idleDays = idleSince is { } since ? (int)(asOf - since).TotalDays : (int?)null;
                var reason = last is { } at
                    ? $"nobody has posted or commented for {idleDays} days; it was last active on {FieldText.Date(at)}"
                    : group.CreatedAt is { } createdAt ? $"nobody has posted or commented since it was created on {FieldText.Date(createdAt)}" : "nobody has posted or commented in it";
                MessageArgument[] arguments =
                [
                    new("reason", reason),
                    new("lastActivity", last is { } l ? FieldText.Date(l) : "never"),
                    new("daysInactive", idleDays?.ToString(CultureInfo.InvariantCulture) ?? "unknown"),
                    new("days", options.Days.ToString(CultureInfo.InvariantCulture)),
                    new("trend", Trend(activity, asOf, options.TrendMonths)),
                ];

                // A group that never had activity and has no creation date cannot be dated, so it stays in the help stage.
                if (options.ArchiveAfterDays is { } archiveDays && idleDays >= archiveDays)
                {
                    end.Report(Archive, group, arguments);
                }
                else
                {
                    end.Report(group, arguments);
                }
            }
        });

    /// <summary>Posts and comments per calendar month over the months before the run's moment, oldest first: "Apr 12, May 8, Jun 0".</summary>
    private static string Trend(GroupActivity activity, DateTimeOffset asOf, int months)
    {
        var counts = activity.Months.ToDictionary(month => (month.Year * 12) + month.Month - 1, month => month.Posts + month.Comments);
        var end = asOf.UtcDateTime;
        var last = (end.Year * 12) + end.Month - 1 - (end.Day == 1 && end.TimeOfDay == TimeSpan.Zero ? 1 : 0);
        return string.Join(", ", Enumerable.Range(last - months + 1, months).Select(key =>
            $"{CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName((key % 12) + 1)} {counts.GetValueOrDefault(key)}"));
    }
}
