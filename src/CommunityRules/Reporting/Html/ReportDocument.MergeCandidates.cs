using CommunityRules.Diagnostics;
using CommunityRules.Model;

namespace CommunityRules.Reporting.Html;

/// <summary>The merge candidates section: clusters of look-alike groups from the <c>duplicates</c> check, side by side.</summary>
internal sealed partial class ReportDocument
{
    /// <summary>Section 2: clusters of look-alike groups from the <c>duplicates</c> check, side by side, the one to keep highlighted.</summary>
    private async Task WriteMergeCandidatesAsync()
    {
        var o = _output;
        var m = _model;
        var clusters = m.VisibleIn(ReportSection.MergeCandidates).Select(MergeCluster.From).ToList();
        OpenSection("merge", "Merge candidates", HtmlText.Plural(clusters.Count, "cluster", "clusters"));
        if (clusters.Count == 0)
        {
            Empty(m.Ran(ReportSection.MergeCandidates)
                ? "No merge candidates: the duplicates check found no look-alike groups in this run."
                : "No merge candidates: no rule with the duplicates check ran in this review.");
            CloseSection();
            return;
        }

        Intro("Groups that look alike: similar names, shared members or topics, posts on the same things. The group suggested to keep is marked; the others could be merged into it. Cohesion, from 0 to 1, is how alike the groups of a cluster are on average; every two of them look alike. Posts and comments count everything read, not only the review period.");
        o.Line($"<div class=\"clusters\">");
        var number = 0;
        foreach (var cluster in clusters)
        {
            number++;
            var finding = cluster.Finding;
            o.Write($"<article class=\"cluster\" data-finding=\"{finding.Fingerprint}\" data-rule=\"{finding.Rule.Id}\" data-severity=\"{ReportFormatting.SeverityName(finding.Severity)}\"");
            BaselineAttribute(finding);
            o.Line($" aria-labelledby=\"cluster-{number}\">");
            var cohesion = cluster.Cohesion is { } value ? $" · cohesion {value}" : string.Empty;
            o.Line($"<h3 id=\"cluster-{number}\">Cluster {number} <span class=\"count\">· {HtmlText.Plural(cluster.GroupIds.Count, "group", "groups")}{cohesion}</span> {Badge(finding.Severity)} <span class=\"id muted\">{finding.Rule.Id}</span></h3>");
            o.Line($"<p class=\"message\">{finding.Message}</p>");
            o.Line($"<div class=\"cluster-groups\">");
            foreach (var groupId in cluster.GroupIds)
            {
                var keep = groupId == cluster.KeepId;
                var activity = m.Network.GetActivity(groupId);
                var name = keep && m.Network.FindGroup(groupId) is null && finding.Properties.GetValueOrDefault("keep") is { Length: > 0 } keepName ? keepName : m.GroupName(groupId);
                o.Write($"<div class=\"group-card{(keep ? " keep" : string.Empty)}\" data-group=\"{groupId}\"{new Markup(keep ? " data-keep=\"true\"" : string.Empty)}>");
                o.Write($"<p class=\"role\">{(keep ? "✓ Suggested to keep" : "Merge into kept group")}</p><h4>{name}</h4><p class=\"id muted\">{groupId}</p>");
                o.Write($"<dl><dt>Members</dt><dd>{HtmlText.Count(m.Network.GetMembers(groupId).Count)}</dd><dt>Posts + comments</dt><dd>{HtmlText.Count(activity.Posts + activity.Comments)}</dd>");
                o.Line($"<dt>Last activity</dt><dd>{(activity.LastActivityAt is { } last ? HtmlText.Day(last) : "never")}</dd></dl></div>");
            }

            o.Line($"</div>");
            if (cluster.Evidence.Count > 0)
            {
                o.Line($"<p class=\"small muted\">Evidence</p>");
                o.Line($"<ul class=\"evidence\">");
                foreach (var item in cluster.Evidence)
                {
                    WriteEvidence(cluster, item);
                }

                o.Line($"</ul>");
            }

            o.Line($"</article>");
            await o.FlushIfFullAsync(_cancellationToken).ConfigureAwait(false);
        }

        o.Line($"</div>");
        CloseSection();
    }

    /// <summary>
    /// Writes one item of a cluster's evidence. An item that starts with two of the cluster's group ids, as
    /// <c>g027 ~ g096: name 0.50, members 0.91</c>, names the groups instead; anything else is written as it is.
    /// </summary>
    private void WriteEvidence(MergeCluster cluster, string item)
    {
        var colon = item.IndexOf(':', StringComparison.Ordinal);
        var pair = colon > 0 ? item[..colon].Split(" ~ ") : [];
        if (pair is [var first, var second] && cluster.GroupIds.Contains(first.Trim()) && cluster.GroupIds.Contains(second.Trim()))
        {
            _output.Line($"<li><strong>{_model.GroupName(first.Trim())}</strong> ~ <strong>{_model.GroupName(second.Trim())}</strong>{item[colon..]}</li>");
            return;
        }

        _output.Line($"<li>{item}</li>");
    }
}
