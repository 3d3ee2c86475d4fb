using CommunityRules.Model;

namespace CommunityRules.Data.Slack;

/// <summary>How a Slack export is read.</summary>
public sealed class SlackExportOptions
{
    /// <summary>
    /// Gets or sets the privacy that private channels (<c>groups.json</c>) are read with. Only members read a private
    /// channel, and Slack does not list it to anyone else; but Slack has no channel that others can find and ask to
    /// join, so advice to make a hidden group findable cannot be followed there. Set <see cref="GroupPrivacy.Secret"/>
    /// to have the rules treat private channels as hidden groups.
    /// </summary>
    /// <value>The default value is <see cref="GroupPrivacy.Closed"/>. Public channels are always <see cref="GroupPrivacy.Open"/>.</value>
    public GroupPrivacy PrivateChannelPrivacy { get; set; } = GroupPrivacy.Closed;
}
