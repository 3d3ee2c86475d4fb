using System.Globalization;

namespace CommunityRules.Data.Workplace;

/// <summary>
/// Where things are in a Workplace archive (see docs/providers/workplace.md): the files of one kind are saved Graph API
/// pages, <c>feed.json</c>, <c>feed-2.json</c>, <c>feed-3.json</c>, ..., read in page-number order (so
/// <c>feed-10.json</c> comes after <c>feed-9.json</c>). The archive may sit inside one top folder, as when a folder is zipped.
/// </summary>
internal sealed class WorkplaceLayout
{
    private const string GroupsFolder = "groups/";

    private readonly Dictionary<string, List<(int Page, string Entry)>> _pages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _postFolders = new(StringComparer.Ordinal);
    private readonly List<string> _groupFolders = [];

    private WorkplaceLayout(IReadOnlyList<string> entries, string root)
    {
        Root = root;
        var groups = new HashSet<string>(StringComparer.Ordinal);
        var posts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!entry.StartsWith(root, StringComparison.Ordinal))
            {
                continue;
            }

            var path = entry[root.Length..];
            if (PageOf(path) is { } page)
            {
                if (!_pages.TryGetValue(page.Base, out var list))
                {
                    list = [];
                    _pages.Add(page.Base, list);
                }

                list.Add((page.Number, entry));
                if (page.Name == "seen")
                {
                    SeenFiles++;
                }
            }

            // groups/{groupId}/... and groups/{groupId}/posts/{postId}/...
            var segments = path.Split('/');
            if (segments.Length >= 3 && segments[0] == "groups" && segments[1].Length > 0)
            {
                if (groups.Add(segments[1]))
                {
                    _groupFolders.Add(segments[1]);
                }

                if (segments.Length >= 5 && segments[2] == "posts" && segments[3].Length > 0 && posts.Add(segments[1] + "/" + segments[3]))
                {
                    if (!_postFolders.TryGetValue(segments[1], out var folders))
                    {
                        folders = [];
                        _postFolders.Add(segments[1], folders);
                    }

                    folders.Add(segments[3]);
                }
            }
        }

        foreach (var list in _pages.Values)
        {
            list.Sort((a, b) => a.Page != b.Page ? a.Page.CompareTo(b.Page) : string.CompareOrdinal(a.Entry, b.Entry));
        }
    }

    /// <summary>Gets the folder inside the archive that holds the export, empty or ending in <c>/</c>.</summary>
    public string Root { get; }

    /// <summary>Gets the group folders, <c>groups/{groupId}/</c>, by group id in ordinal order.</summary>
    public IReadOnlyList<string> GroupFolders => _groupFolders;

    /// <summary>Gets the number of <c>seen.json</c> pages (who saw a post), which the reader leaves out.</summary>
    public int SeenFiles { get; }

    /// <summary>Gets a value indicating whether the archive has groups pages and at least one group feed: the shape of a Workplace archive.</summary>
    public bool HasWorkplaceShape => HasPages("groups") && _groupFolders.Any(group => HasPages(Feed(group)));

    /// <summary>Reads the layout of an archive's entries.</summary>
    /// <param name="entries">The archive's file entries.</param>
    /// <returns>The layout, rooted where <c>groups.json</c> or <c>members.json</c> is.</returns>
    public static WorkplaceLayout Of(IReadOnlyList<string> entries)
    {
        var atRoot = new WorkplaceLayout(entries, string.Empty);
        if (atRoot.HasPages("groups") || atRoot.HasPages("members") || entries.Count == 0)
        {
            return atRoot;
        }

        // A zipped folder: every entry under one top folder.
        var first = entries[0];
        var slash = first.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return atRoot;
        }

        var top = first[..(slash + 1)];
        return entries.All(entry => entry.StartsWith(top, StringComparison.Ordinal)) ? new WorkplaceLayout(entries, top) : atRoot;
    }

    public static string Feed(string groupId) => $"groups/{groupId}/feed";

    public static string GroupAdmins(string groupId) => $"groups/{groupId}/admins";

    public static string GroupMembers(string groupId) => $"groups/{groupId}/members";

    public static string GroupFormerMembers(string groupId) => $"groups/{groupId}/former_members";

    public static string PostComments(string groupId, string postId) => $"groups/{groupId}/posts/{postId}/comments";

    public static string PostReactions(string groupId, string postId) => $"groups/{groupId}/posts/{postId}/reactions";

    public static string CommentReactions(string groupId, string postId, string commentId) => $"groups/{groupId}/posts/{postId}/comments/{commentId}/reactions";

    /// <summary>Gets the post folders of a group, <c>groups/{groupId}/posts/{postId}/</c>.</summary>
    /// <param name="groupId">The group's folder name.</param>
    /// <returns>The post ids, in ordinal order.</returns>
    public IReadOnlyList<string> PostFolders(string groupId) => _postFolders.TryGetValue(groupId, out var folders) ? folders : [];

    /// <summary>Says whether any page of a kind is there.</summary>
    /// <param name="basePath">The pages' path without page number and extension, such as <c>groups/123/feed</c>.</param>
    /// <returns><see langword="true"/> when at least one page is there.</returns>
    public bool HasPages(string basePath) => _pages.ContainsKey(basePath);

    /// <summary>Gets the pages of a kind in page order.</summary>
    /// <param name="basePath">The pages' path without page number and extension, such as <c>groups/123/feed</c>.</param>
    /// <returns>The archive entries, page 1 first.</returns>
    public IEnumerable<string> Pages(string basePath) =>
        _pages.TryGetValue(basePath, out var list) ? list.Select(page => page.Entry) : [];

    /// <summary>Says whether any group folder has pages of a kind, such as <c>admins</c>.</summary>
    /// <param name="name">The file name without page number and extension.</param>
    /// <returns><see langword="true"/> when one group has them.</returns>
    public bool AnyGroupHas(string name) => _groupFolders.Any(group => HasPages($"groups/{group}/{name}"));

    /// <summary>Says whether any post folder has pages of a kind, such as <c>reactions</c>.</summary>
    /// <param name="name">The file name without page number and extension.</param>
    /// <returns><see langword="true"/> when one post has them.</returns>
    public bool AnyPostHas(string name) => _pages.Keys.Any(key => key.StartsWith(GroupsFolder, StringComparison.Ordinal) && key.EndsWith("/" + name, StringComparison.Ordinal) && key.Contains("/posts/", StringComparison.Ordinal));

    // "groups/1/feed-12.json" is page 12 of "groups/1/feed"; "members.json" is page 1 of "members".
    private static (string Base, string Name, int Number)? PageOf(string path)
    {
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var withoutExtension = path[..^".json".Length];
        var slash = withoutExtension.LastIndexOf('/');
        var fileName = withoutExtension[(slash + 1)..];
        var dash = fileName.LastIndexOf('-');
        if (dash > 0 && int.TryParse(fileName.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            var name = fileName[..dash];
            return (withoutExtension[..(slash + 1)] + name, name, number);
        }

        return (withoutExtension, fileName, 1);
    }
}
