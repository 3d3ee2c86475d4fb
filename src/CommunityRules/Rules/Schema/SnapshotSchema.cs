using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityRules.Model;

namespace CommunityRules.Rules.Schema;

/// <summary>
/// Generates the JSON Schema of the snapshot format from the model records: one definition per file, each line of
/// <c>people.jsonl</c> is a <c>person</c>, and so on. <c>schema/snapshot.schema.json</c> is this output; a test fails when it is stale.
/// </summary>
internal static class SnapshotSchema
{
    public const string Id = "https://communityrules.dev/schema/snapshot.schema.json";

    private static readonly (string File, string Definition, Type Type)[] Files =
    [
        ("network.json", "manifest", typeof(NetworkManifest)),
        ("people.jsonl", "person", typeof(Person)),
        ("groups.jsonl", "group", typeof(Group)),
        ("memberships.jsonl", "membership", typeof(Membership)),
        ("posts.jsonl", "post", typeof(Post)),
        ("comments.jsonl", "comment", typeof(Comment)),
        ("reactions.jsonl", "reaction", typeof(Reaction)),
    ];

    public static string Generate()
    {
        var definitions = new JsonObject();
        foreach (var (file, name, type) in Files)
        {
            var json = OptionsSchemas.For(type).ToJson().Replace("\"#/definitions/", $"\"#/definitions/{name}/definitions/", StringComparison.Ordinal);
            var definition = JsonNode.Parse(json)!.AsObject();
            definition.Remove("$schema");
            definition.Remove("title");
            definition["additionalProperties"] = true;
            var what = file.EndsWith(".jsonl", StringComparison.Ordinal) ? $"One line of {file}." : $"The content of {file}.";
            definition["description"] = $"{what} {definition["description"]?.GetValue<string>()}".Trim();
            definitions[name] = definition;
        }

        var root = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["$id"] = Id,
            ["title"] = "CommunityRules snapshot records",
            ["description"] = "A snapshot is a folder of JSON Lines files, UTF-8, one object a line, camelCase fields: people.jsonl, groups.jsonl, memberships.jsonl, posts.jsonl, comments.jsonl, reactions.jsonl, and an optional network.json manifest. Unknown fields are ignored; missing optional fields are null. Validate a line against the definition of its file.",
            ["definitions"] = definitions,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
    }
}
