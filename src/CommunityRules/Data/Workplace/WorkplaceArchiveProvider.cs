using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CommunityRules.Data.Archives;
using CommunityRules.Model;

namespace CommunityRules.Data.Workplace;

/// <summary>
/// Reads a Workplace from Meta archive: the Graph API pages an export script saved, as laid out in
/// docs/providers/workplace.md. People, groups and memberships come from small files; posts, comments and reactions
/// are streamed one page file and one item at a time, in three passes over the group feeds, so memory stays flat
/// in the number of posts. Each pass keeps only the ids of one group's posts, to tell which post folders belong to
/// no post.
/// </summary>
internal sealed class WorkplaceArchiveProvider : INetworkProvider
{
    private readonly string _path;
    private readonly WorkplaceLayout _layout;

    public WorkplaceArchiveProvider(string path)
    {
        _path = path;
        using var archive = ExportArchive.Open(path);
        _layout = WorkplaceLayout.Of(archive.Entries);
        if (!_layout.HasPages("groups") && !_layout.HasPages("members"))
        {
            throw new DataSourceException($"'{path}' is not a Workplace archive: it holds no groups.json or members.json. Save the Graph API pages as docs/providers/workplace.md describes.");
        }

        Capabilities = DataCapabilities.None
            | (_layout.AnyGroupHas("members") || _layout.AnyGroupHas("admins") ? DataCapabilities.Memberships : DataCapabilities.None)
            | (_layout.AnyGroupHas("admins") ? DataCapabilities.Admins : DataCapabilities.None)
            | (_layout.HasPages("members") ? DataCapabilities.Departures : DataCapabilities.None)
            | (_layout.HasPages("groups") ? DataCapabilities.GroupCreators : DataCapabilities.None)
            | (_layout.AnyPostHas("reactions") || FirstPostHasInlineReactions(archive) ? DataCapabilities.Reactions : DataCapabilities.None);
    }

    /// <inheritdoc/>
    public string Description => _path;

    /// <inheritdoc/>
    /// <remarks>
    /// Memberships and admins when group member and admin pages are there, who left from the members' <c>active</c>
    /// flag, group creators from each group's owner, and reactions when they were saved; never reaction times (the
    /// Graph API gives none), question types or accepted answers (Workplace has neither).
    /// </remarks>
    public DataCapabilities Capabilities { get; }

    /// <inheritdoc/>
    public async ValueTask<NetworkManifest?> ReadManifestAsync(CancellationToken cancellationToken)
    {
        var entry = _layout.Root + "export.json";
        using var archive = ExportArchive.Open(_path);
        if (!archive.Contains(entry))
        {
            return null;
        }

        GraphExportInfo? info;
        await using (var stream = archive.OpenRead(entry))
        {
            try
            {
                info = await JsonSerializer.DeserializeAsync(stream, WorkplaceJson.ExportInfo, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                throw new DataSourceException($"{archive.Describe(entry)}({(ex.LineNumber ?? 0) + 1}): export.json is not valid: {ex.Message}", ex);
            }
        }

        if (!GraphTime.TryParse(info?.ExportedTime, out var exported))
        {
            throw new DataSourceException($"{archive.Describe(entry)}: 'exported_time' is not a time: '{info?.ExportedTime}'. Write it as 2026-05-31T18:00:00+0000.");
        }

        return new NetworkManifest { Name = info?.Name, AsOf = exported, Source = "Workplace from Meta archive" };
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<Person> ReadPeopleAsync(IDataIssueReporter issues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var archive = ExportArchive.Open(_path);
        archive.ReportProblems(issues);
        foreach (var (kind, basePath) in new[] { (PersonKind.Person, "members"), (PersonKind.Bot, "bots") })
        {
            await foreach (var item in ItemsAsync(archive, _layout.Pages(basePath), WorkplaceJson.Member, "member", issues, cancellationToken).ConfigureAwait(false))
            {
                var member = item.Value;
                if (string.IsNullOrWhiteSpace(member.Id))
                {
                    item.Report(issues, "has no id; it is left out");
                    continue;
                }

                yield return new Person
                {
                    Id = member.Id,
                    Name = member.Name ?? JoinName(member.FirstName, member.LastName),
                    Email = member.Email,
                    Title = member.Title,
                    Department = member.Department,
                    Company = member.Organization,
                    Kind = kind,

                    // Deactivated accounts are the people who left; a listing without 'active' still has the deactivation time.
                    Active = member.Active ?? member.AccountDeactivateTime is null,
                };
            }
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<Group> ReadGroupsAsync(IDataIssueReporter issues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var archive = ExportArchive.Open(_path);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var unknownPrivacy = 0;
        await foreach (var item in ItemsAsync(archive, _layout.Pages("groups"), WorkplaceJson.Group, "group", issues, cancellationToken).ConfigureAwait(false))
        {
            var group = item.Value;
            if (string.IsNullOrWhiteSpace(group.Id))
            {
                item.Report(issues, "has no id; it is left out");
                continue;
            }

            if (!TryTime(item, group.CreatedTime, issues, out var created))
            {
                continue;
            }

            var privacy = PrivacyOf(group.Privacy);
            if (privacy is null && group.Privacy is not null)
            {
                unknownPrivacy++;
            }

            ids.Add(group.Id);
            yield return new Group
            {
                Id = group.Id,
                Name = group.Name,
                Description = group.Description,
                Privacy = privacy,
                CreatedAt = created,

                // Workplace names a group's owner, not its creator; the owner is the closest stand-in.
                CreatedBy = string.IsNullOrWhiteSpace(group.Owner?.Id) ? null : group.Owner.Id,
                Archived = group.Archived ?? false,
            };
        }

        foreach (var folder in _layout.GroupFolders.Where(folder => !ids.Contains(folder)))
        {
            issues.Report(new DataIssue(
                DataIssueKind.UnknownReference,
                archive.Describe(_layout.Root + "groups/" + folder + "/"),
                null,
                $"the folder is for group '{folder}', which groups.json does not list; its members and posts are still read, under a group the data lacks",
                folder));
        }

        if (unknownPrivacy > 0)
        {
            issues.Report(new DataNote($"{unknownPrivacy} group(s) have a privacy other than OPEN, CLOSED or SECRET; their privacy is left unknown.") { Source = Description });
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<Membership> ReadMembershipsAsync(IDataIssueReporter issues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var archive = ExportArchive.Open(_path);
        var former = 0;
        foreach (var groupId in _layout.GroupFolders)
        {
            var admins = new HashSet<string>(StringComparer.Ordinal);
            var members = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var item in ItemsAsync(archive, _layout.Pages(WorkplaceLayout.GroupAdmins(groupId)), WorkplaceJson.Member, "admin", issues, cancellationToken).ConfigureAwait(false))
            {
                if (string.IsNullOrWhiteSpace(item.Value.Id))
                {
                    item.Report(issues, "has no id; it is left out");
                }
                else if (admins.Add(item.Value.Id))
                {
                    members.Add(item.Value.Id);
                    yield return new Membership { GroupId = groupId, PersonId = item.Value.Id, Role = MembershipRole.Admin };
                }
            }

            // The members listing holds the admins too; each person is one membership.
            await foreach (var item in ItemsAsync(archive, _layout.Pages(WorkplaceLayout.GroupMembers(groupId)), WorkplaceJson.Member, "member", issues, cancellationToken).ConfigureAwait(false))
            {
                if (string.IsNullOrWhiteSpace(item.Value.Id))
                {
                    item.Report(issues, "has no id; it is left out");
                }
                else if (members.Add(item.Value.Id))
                {
                    var role = item.Value.Administrator == true ? MembershipRole.Admin : MembershipRole.Member;
                    yield return new Membership { GroupId = groupId, PersonId = item.Value.Id, Role = role };
                }
            }

            // People who left the group are not members; someone who left and came back is in the members listing.
            await foreach (var item in ItemsAsync(archive, _layout.Pages(WorkplaceLayout.GroupFormerMembers(groupId)), WorkplaceJson.Member, "former member", issues, cancellationToken).ConfigureAwait(false))
            {
                if (item.Value.Id is { } id && !members.Contains(id))
                {
                    former++;
                }
            }
        }

        if (former > 0)
        {
            issues.Report(new DataNote($"Left out {former} former group membership(s) (people who left a group): they are not members.") { Source = Description });
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<Post> ReadPostsAsync(IDataIssueReporter issues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var archive = ExportArchive.Open(_path);
        var stories = 0;
        foreach (var groupId in _layout.GroupFolders)
        {
            await foreach (var item in ItemsAsync(archive, _layout.Pages(WorkplaceLayout.Feed(groupId)), WorkplaceJson.Post, "post", issues, cancellationToken).ConfigureAwait(false))
            {
                var post = item.Value;
                if (string.IsNullOrWhiteSpace(post.Id))
                {
                    item.Report(issues, "has no id; it is left out");
                    continue;
                }

                if (post.IsStory)
                {
                    stories++;
                    continue;
                }

                if (!TryTime(item, post.CreatedTime, issues, out var created))
                {
                    continue;
                }

                yield return new Post
                {
                    Id = post.Id,
                    GroupId = groupId,
                    AuthorId = BlankToNull(post.From?.Id),
                    CreatedAt = created,
                    Type = post.Poll is { ValueKind: not JsonValueKind.Null } || string.Equals(post.Type, "poll", StringComparison.OrdinalIgnoreCase) ? PostType.Poll : PostType.Post,
                    Text = TextOf(post.Message, post.Link),
                };
            }
        }

        if (stories > 0)
        {
            issues.Report(new DataNote($"Left out {stories} Workplace system stories (such as 'Anna joined the group'): they are not conversation.") { Source = Description });
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<Comment> ReadCommentsAsync(IDataIssueReporter issues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var archive = ExportArchive.Open(_path);
        var onStories = 0;
        var incomplete = 0;
        foreach (var groupId in _layout.GroupFolders)
        {
            var posts = new HashSet<string>(StringComparer.Ordinal);

            // The posts pass reported what is wrong with the feed; this pass reads it again for the comments only.
            await foreach (var item in ItemsAsync(archive, _layout.Pages(WorkplaceLayout.Feed(groupId)), WorkplaceJson.PostComments, "post", DataIssues.Ignored, cancellationToken).ConfigureAwait(false))
            {
                var post = item.Value;
                if (string.IsNullOrWhiteSpace(post.Id) || !posts.Add(post.Id))
                {
                    continue;
                }

                var story = post.IsStory;
                var files = _layout.Pages(WorkplaceLayout.PostComments(groupId, post.Id));
                if (files.Any())
                {
                    await foreach (var comment in ItemsAsync(archive, files, WorkplaceJson.Comment, "comment", issues, cancellationToken).ConfigureAwait(false))
                    {
                        if (story)
                        {
                            onStories++;
                        }
                        else if (ToComment(comment, post.Id, issues) is { } read)
                        {
                            yield return read;
                        }
                    }
                }
                else if (post.Comments?.Data is { } inline)
                {
                    incomplete += post.Comments.HasMore ? 1 : 0;
                    for (var i = 0; i < inline.Count; i++)
                    {
                        if (story)
                        {
                            onStories++;
                        }
                        else if (ToComment(item.Inline(inline[i], i, "comment"), post.Id, issues) is { } read)
                        {
                            yield return read;
                        }
                    }
                }
            }

            foreach (var postId in _layout.PostFolders(groupId).Where(id => !posts.Contains(id)))
            {
                await foreach (var comment in ItemsAsync(archive, _layout.Pages(WorkplaceLayout.PostComments(groupId, postId)), WorkplaceJson.Comment, "comment", issues, cancellationToken).ConfigureAwait(false))
                {
                    comment.Report(issues, $"is on post '{postId}', which is not in the group's feed pages; it is left out");
                }
            }
        }

        if (onStories > 0)
        {
            issues.Report(new DataNote($"Left out {onStories} comment(s) on Workplace system stories: their post is not conversation.") { Source = Description });
        }

        if (incomplete > 0)
        {
            issues.Report(new DataNote($"{incomplete} post(s) have more comments than the script saved inline (the Graph API had further pages); save comments as files to read them all.") { Source = Description });
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<Reaction> ReadReactionsAsync(IDataIssueReporter issues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var archive = ExportArchive.Open(_path);
        var incomplete = 0;
        var onStories = 0;
        foreach (var groupId in _layout.GroupFolders)
        {
            var posts = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var item in ItemsAsync(archive, _layout.Pages(WorkplaceLayout.Feed(groupId)), WorkplaceJson.PostReactions, "post", DataIssues.Ignored, cancellationToken).ConfigureAwait(false))
            {
                var post = item.Value;
                if (string.IsNullOrWhiteSpace(post.Id) || !posts.Add(post.Id))
                {
                    continue;
                }

                var story = post.IsStory;
                await foreach (var reaction in ReactionsOfAsync(archive, item, post.Id, post.Reactions, WorkplaceLayout.PostReactions(groupId, post.Id), issues, cancellationToken).ConfigureAwait(false))
                {
                    if (story)
                    {
                        onStories++;
                    }
                    else
                    {
                        yield return reaction;
                    }
                }

                incomplete += post.Reactions?.HasMore == true ? 1 : 0;

                // Comments come back through the reader that the comments pass already reported on.
                var files = _layout.Pages(WorkplaceLayout.PostComments(groupId, post.Id));
                var comments = files.Any()
                    ? ItemsAsync(archive, files, WorkplaceJson.Comment, "comment", DataIssues.Ignored, cancellationToken)
                    : Inline(item, post.Comments?.Data);
                await foreach (var comment in comments.ConfigureAwait(false))
                {
                    if (string.IsNullOrWhiteSpace(comment.Value.Id))
                    {
                        continue;
                    }

                    incomplete += comment.Value.Reactions?.HasMore == true ? 1 : 0;
                    var path = WorkplaceLayout.CommentReactions(groupId, post.Id, comment.Value.Id);
                    await foreach (var reaction in ReactionsOfAsync(archive, comment, comment.Value.Id, comment.Value.Reactions, path, issues, cancellationToken).ConfigureAwait(false))
                    {
                        // Comments on stories are left out, and so are their reactions.
                        if (story)
                        {
                            onStories++;
                        }
                        else
                        {
                            yield return reaction;
                        }
                    }
                }
            }

            foreach (var postId in _layout.PostFolders(groupId).Where(id => !posts.Contains(id)))
            {
                await foreach (var reaction in ItemsAsync(archive, _layout.Pages(WorkplaceLayout.PostReactions(groupId, postId)), WorkplaceJson.Reaction, "reaction", issues, cancellationToken).ConfigureAwait(false))
                {
                    reaction.Report(issues, $"is on post '{postId}', which is not in the group's feed pages; it is left out");
                }
            }
        }

        if (onStories > 0)
        {
            issues.Report(new DataNote($"Left out {onStories} reaction(s) on Workplace system stories: their post is not conversation.") { Source = Description });
        }

        if (incomplete > 0)
        {
            issues.Report(new DataNote($"{incomplete} post(s) or comment(s) have more reactions than the script saved inline (the Graph API had further pages); save reactions as files to read them all.") { Source = Description });
        }

        if (_layout.SeenFiles > 0)
        {
            issues.Report(new DataNote($"Left out {_layout.SeenFiles} seen.json file(s): who saw a post has no place in the model.") { Source = Description });
        }
    }

    private static async IAsyncEnumerable<Item<GraphComment>> Inline(Item<GraphPostReactions> post, List<GraphComment>? comments)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        for (var i = 0; comments is not null && i < comments.Count; i++)
        {
            yield return post.Inline(comments[i], i, "comment");
        }
    }

    // A target's reactions: its reactions pages when the script saved them as files, the inline edge otherwise.
    private async IAsyncEnumerable<Reaction> ReactionsOfAsync<T>(
        ExportArchive archive,
        Item<T> owner,
        string targetId,
        GraphEdge<GraphReaction>? inline,
        string basePath,
        IDataIssueReporter issues,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var files = _layout.Pages(basePath);
        var reactions = files.Any()
            ? ItemsAsync(archive, files, WorkplaceJson.Reaction, "reaction", issues, cancellationToken)
            : InlineReactions(owner, inline?.Data);
        await foreach (var item in reactions.ConfigureAwait(false))
        {
            if (string.IsNullOrWhiteSpace(item.Value.Id))
            {
                item.Report(issues, "names no person (no id); it is left out");
                continue;
            }

            yield return new Reaction
            {
                TargetId = targetId,
                PersonId = item.Value.Id,
                Type = string.IsNullOrWhiteSpace(item.Value.Type) ? null : item.Value.Type.ToLowerInvariant(),
            };
        }
    }

    private static async IAsyncEnumerable<Item<GraphReaction>> InlineReactions<T>(Item<T> owner, List<GraphReaction>? reactions)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        for (var i = 0; reactions is not null && i < reactions.Count; i++)
        {
            yield return owner.Inline(reactions[i], i, "reaction");
        }
    }

    private static Comment? ToComment(Item<GraphComment> item, string postId, IDataIssueReporter issues)
    {
        var comment = item.Value;
        if (string.IsNullOrWhiteSpace(comment.Id))
        {
            item.Report(issues, "has no id; it is left out");
            return null;
        }

        if (!TryTime(item, comment.CreatedTime, issues, out var created))
        {
            return null;
        }

        // A reply names the comment it answers as its parent; a top-level comment names nothing, or the post.
        var parent = BlankToNull(comment.Parent?.Id);
        return new Comment
        {
            Id = comment.Id,
            PostId = postId,
            ParentId = parent == postId ? null : parent,
            AuthorId = BlankToNull(comment.From?.Id),
            CreatedAt = created,
            Text = comment.Message,
        };
    }

    private static bool TryTime<T>(Item<T> item, string? text, IDataIssueReporter issues, out DateTimeOffset? value)
    {
        if (GraphTime.TryParse(text, out value))
        {
            return true;
        }

        item.Report(issues, $"has a 'created_time' that is not a time: '{text}'; it is left out");
        return false;
    }

    // A shared link is part of what readers see, so link checks must see it too.
    private static string? TextOf(string? message, string? link)
    {
        if (string.IsNullOrWhiteSpace(link) || (message is not null && message.Contains(link, StringComparison.Ordinal)))
        {
            return message;
        }

        return string.IsNullOrWhiteSpace(message) ? link : message + "\n" + link;
    }

    private static GroupPrivacy? PrivacyOf(string? privacy) => privacy?.Trim().ToUpperInvariant() switch
    {
        "OPEN" => GroupPrivacy.Open,
        "CLOSED" => GroupPrivacy.Closed,
        "SECRET" => GroupPrivacy.Secret,
        _ => null,
    };

    private static string? JoinName(string? first, string? last)
    {
        var name = string.Join(' ', new[] { first, last }.Where(part => !string.IsNullOrWhiteSpace(part)));
        return name.Length == 0 ? null : name;
    }

    private static string? BlankToNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static async IAsyncEnumerable<Item<T>> ItemsAsync<T>(
        ExportArchive archive,
        IEnumerable<string> pages,
        JsonTypeInfo<T> typeInfo,
        string what,
        IDataIssueReporter issues,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        foreach (var page in pages)
        {
            var source = archive.Describe(page);
            using var reader = new JsonItemReader(archive.OpenRead(page), source, WorkplacePage.Layout);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                T? value;
                try
                {
                    value = JsonSerializer.Deserialize(reader.Current.Span, typeInfo);
                }
                catch (JsonException ex)
                {
                    issues.Report(new DataIssue(DataIssueKind.MalformedRecord, source, reader.Line, $"{what} {reader.Index} in \"data\" cannot be read: {Describe(ex)}; it is left out"));
                    continue;
                }

                if (value is null)
                {
                    issues.Report(new DataIssue(DataIssueKind.MalformedRecord, source, reader.Line, $"{what} {reader.Index} in \"data\" is null, not a record; it is left out"));
                    continue;
                }

                yield return new Item<T>(value, source, reader.Line, $"{what} {reader.Index} in \"data\"");
            }

            WorkplacePage.ReportFault(reader, issues);
        }
    }

    private static string Describe(JsonException ex)
    {
        var field = ex.Path is { Length: > 2 } path ? $"'{path.TrimStart('$', '.')}' " : string.Empty;
        return ex.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            ? $"{field}has a value of the wrong kind"
            : ex.Message;
    }

    // Reads (sync over async) at most the first item of the first feed page, to tell whether reactions were saved inline.
    private bool FirstPostHasInlineReactions(ExportArchive archive)
    {
        var feed = _layout.GroupFolders.Select(WorkplaceLayout.Feed).FirstOrDefault(_layout.HasPages);
        if (feed is null)
        {
            return false;
        }

        var page = _layout.Pages(feed).First();
        using var reader = new JsonItemReader(archive.OpenRead(page), archive.Describe(page), WorkplacePage.Layout);
        if (!reader.Read())
        {
            return false;
        }

        try
        {
            return JsonSerializer.Deserialize(reader.Current.Span, WorkplaceJson.PostReactions)?.Reactions is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>One item read from a page, or from an edge saved inline in one, with where it is for messages.</summary>
    private readonly record struct Item<T>(T Value, string Source, long Line, string Name)
    {
        public Item<TInner> Inline<TInner>(TInner value, int index, string what) =>
            new(value, Source, Line, $"{what} {index} inline in {Name}");

        public void Report(IDataIssueReporter issues, string problem)
        {
            var id = Value switch
            {
                GraphFeedItem post => post.Id,
                GraphComment comment => comment.Id,
                GraphMember member => member.Id,
                GraphGroup group => group.Id,
                GraphReaction reaction => reaction.Id,
                _ => null,
            };
            var named = string.IsNullOrWhiteSpace(id) ? Name : $"{Name} ('{id}')";
            issues.Report(new DataIssue(DataIssueKind.MalformedRecord, Source, Line, $"{named} {problem}", BlankToNull(id)));
        }
    }
}

/// <summary>Reporters the provider needs besides the caller's.</summary>
internal static class DataIssues
{
    /// <summary>Gets a reporter that drops everything: for a second pass over files the first pass already reported on.</summary>
    public static IDataIssueReporter Ignored { get; } = new IgnoringReporter();

    private sealed class IgnoringReporter : IDataIssueReporter
    {
        public void Report(DataIssue issue)
        {
        }

        public void Report(DataNote note)
        {
        }
    }
}
