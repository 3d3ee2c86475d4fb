using System.Globalization;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;

namespace CommunityRules.Checks.BuiltIn;

/// <summary>The options of the <c>inactivity</c> check.</summary>
public sealed class InactivityOptions
{
    /// <summary>Gets or sets how many days without a post or comment make a group inactive.</summary>
    public int Days { get; set; } = 90;
}

/// <summary>
/// Finds groups where nobody has posted or commented for a number of days before the run's moment. Groups younger
/// than that and archived groups are left alone.
/// </summary>
public sealed class InactivityCheck : Check<InactivityOptions>
{
    /// <inheritdoc/>
    public override string Kind => "inactivity";

    /// <inheritdoc/>
    public override string Description => "Groups where nobody has posted or commented for a number of days.";

    /// <inheritdoc/>
    public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Group];

    /// <inheritdoc/>
    public override IReadOnlyList<string> MessageArguments { get; } = ["reason", "lastActivity", "daysInactive", "days"];

    /// <inheritdoc/>
    protected override void Validate(InactivityOptions options, CheckOptionsContext context)
    {
        if (options.Days < 1)
        {
            context.ReportError("days", $"'days' is {options.Days}; it must be 1 or more.");
        }
    }

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

                var last = end.Network.GetActivity(group.Id).LastActivityAt;
                if (last is { } lastActive && asOf - lastActive < window)
                {
                    continue;
                }

                var days = options.Days.ToString(CultureInfo.InvariantCulture);
                if (last is { } at)
                {
                    var idle = ((int)(asOf - at).TotalDays).ToString(CultureInfo.InvariantCulture);
                    end.Report(
                        group,
                        new MessageArgument("reason", $"nobody has posted or commented for {idle} days; it was last active on {FieldText.Date(at)}"),
                        new MessageArgument("lastActivity", FieldText.Date(at)),
                        new MessageArgument("daysInactive", idle),
                        new MessageArgument("days", days));
                }
                else
                {
                    var since = group.CreatedAt is { } createdAt ? $" since it was created on {FieldText.Date(createdAt)}" : string.Empty;
                    end.Report(
                        group,
                        new MessageArgument("reason", $"nobody has posted or commented{since}"),
                        new MessageArgument("lastActivity", "never"),
                        new MessageArgument("daysInactive", group.CreatedAt is { } c ? ((int)(asOf - c).TotalDays).ToString(CultureInfo.InvariantCulture) : "unknown"),
                        new MessageArgument("days", days));
                }
            }
        });
}
