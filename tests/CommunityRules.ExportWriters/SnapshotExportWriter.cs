using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityRules.Model;

namespace CommunityRules.ExportWriters;

/// <summary>Writes a network as a CommunityRules snapshot folder (JSON Lines).</summary>
public sealed class SnapshotExportWriter : IExportWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string Format => "snapshot";

    public void Write(ExportNetwork network, string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "network.json"), JsonSerializer.Serialize(new NetworkManifest { Name = network.Name, AsOf = network.AsOf }, Options));
        WriteLines(folder, "people.jsonl", network.People);
        WriteLines(folder, "groups.jsonl", network.Groups);
        WriteLines(folder, "memberships.jsonl", network.Memberships);
        WriteLines(folder, "posts.jsonl", network.Posts);
        WriteLines(folder, "comments.jsonl", network.Comments);
        WriteLines(folder, "reactions.jsonl", network.Reactions);
    }

    private static void WriteLines<T>(string folder, string file, List<T> records)
    {
        using var writer = new StreamWriter(Path.Combine(folder, file));
        foreach (var record in records)
        {
            writer.WriteLine(JsonSerializer.Serialize(record, Options));
        }
    }
}
