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

    /// <summary>
    /// Gets or sets a value indicating whether each channel's creator is read as its admin. A Slack export names no
    /// channel managers, so by default it says nothing about admins: rules that need them are not run, and the run
    /// says so once. Set it where creating a channel makes its creator responsible for it (then the export tells
    /// admins, and a channel whose creator left has no admin).
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool ChannelCreatorsAreAdmins { get; set; }
}
