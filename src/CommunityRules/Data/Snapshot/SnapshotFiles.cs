namespace CommunityRules.Data.Snapshot;

/// <summary>The file names of the snapshot format.</summary>
internal static class SnapshotFiles
{
    public const string Manifest = "network.json";
    public const string People = "people.jsonl";
    public const string Groups = "groups.jsonl";
    public const string Memberships = "memberships.jsonl";
    public const string Posts = "posts.jsonl";
    public const string Comments = "comments.jsonl";
    public const string Reactions = "reactions.jsonl";

    public static readonly string[] Records = [People, Groups, Memberships, Posts, Comments, Reactions];
}
