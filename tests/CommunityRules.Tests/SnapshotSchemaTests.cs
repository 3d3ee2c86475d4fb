using System.Text.Json;
using CommunityRules.Rules;

namespace CommunityRules.Tests;

/// <summary>The snapshot format's JSON Schema is a public contract: checked in, current, and true to the sample data.</summary>
public sealed class SnapshotSchemaTests
{
    private static readonly string CheckedIn = Path.Combine(TestPaths.RepoRoot, "schema", "snapshot.schema.json");

    [Fact]
    public void Checked_in_snapshot_schema_is_the_generated_one()
    {
        var expected = RuleSetLoader.GenerateSnapshotSchema();
        var actual = File.ReadAllText(CheckedIn).ReplaceLineEndings("\n");
        Assert.True(
            expected == actual,
            "schema/snapshot.schema.json is stale. Regenerate it with: dotnet run --project src/CommunityRules.Cli -- schema --snapshot > schema/snapshot.schema.json");
    }

    [Theory]
    [InlineData("person", new[] { "id", "name", "email", "title", "department", "company", "office", "country", "managerId", "roles", "kind", "active" })]
    [InlineData("group", new[] { "id", "name", "description", "privacy", "createdAt", "createdBy", "archived", "topics" })]
    [InlineData("membership", new[] { "groupId", "personId", "role", "joinedAt" })]
    [InlineData("post", new[] { "id", "groupId", "authorId", "delegateId", "createdAt", "type", "title", "text" })]
    [InlineData("comment", new[] { "id", "postId", "parentId", "authorId", "delegateId", "createdAt", "text", "acceptedAnswer" })]
    [InlineData("reaction", new[] { "targetId", "personId", "type", "createdAt" })]
    [InlineData("manifest", new[] { "name", "source", "asOf" })]
    public void Each_record_has_exactly_the_documented_fields(string definition, string[] fields)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(CheckedIn));
        var properties = schema.RootElement.GetProperty("definitions").GetProperty(definition).GetProperty("properties");

        Assert.Equal(fields.Order(StringComparer.Ordinal), properties.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("people.jsonl", "person")]
    [InlineData("groups.jsonl", "group")]
    [InlineData("memberships.jsonl", "membership")]
    [InlineData("posts.jsonl", "post")]
    [InlineData("comments.jsonl", "comment")]
    [InlineData("reactions.jsonl", "reaction")]
    public async Task The_sample_network_validates_against_the_schema(string file, string definition)
    {
        var schema = await NJsonSchema.JsonSchema.FromJsonAsync(File.ReadAllText(CheckedIn));
        var recordSchema = schema.Definitions[definition];
        var lines = File.ReadLines(Path.Combine(TestPaths.RepoRoot, "samples", "nordic-network", file)).Take(500).ToList();

        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var errors = recordSchema.Validate(line);
            Assert.True(errors.Count == 0, $"{file}: {line}\n{string.Join("\n", errors)}");
        }
    }
}
