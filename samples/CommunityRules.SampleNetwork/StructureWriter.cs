using System.Text.Json;

namespace CommunityRules.SampleNetwork;

/// <summary>Writes the structure of the network: network.json, people, groups and memberships.</summary>
internal static class StructureWriter
{
    public const string NetworkName = "Nordlys Group (sample)";
    public const string Source = "communityrules-sample-generator";

    /// <summary>Roles in the order they are listed in <c>people.jsonl</c>.</summary>
    private static readonly (PersonRoles Role, string Name)[] RoleNames =
    [
        (PersonRoles.Executive, "executive"),
        (PersonRoles.Manager, "manager"),
        (PersonRoles.Communications, "communications"),
        (PersonRoles.Employee, "employee"),
    ];

    public static void WriteNetwork(string path, DateTime asOf)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JsonLinesWriter.Encoder, Indented = true, NewLine = "\n" }))
        {
            writer.WriteStartObject();
            writer.WriteString("name", NetworkName);
            writer.WriteString("source", Source);
            writer.WriteTimestamp(JsonEncodedText.Encode("asOf"), asOf);
            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    public static void WritePeople(string path, IReadOnlyList<Person> people, SnapshotIds ids)
    {
        using var lines = new JsonLinesWriter(path);
        foreach (var person in people)
        {
            var writer = lines.StartLine();
            ids.Person.Write(writer, Fields.Id, person.Number);
            writer.WriteString(Fields.Name, person.Name);
            writer.WriteString("email", person.Email);
            writer.WriteString("title", person.Title);
            writer.WriteString("department", person.Department);
            writer.WriteString("company", person.Company);
            writer.WriteString("office", person.Office);
            writer.WriteString("country", person.Country.Code);
            if (person.ManagerNumber > 0)
            {
                ids.Person.Write(writer, JsonEncodedText.Encode("managerId"), person.ManagerNumber);
            }

            writer.WriteStartArray("roles");
            foreach (var (role, name) in RoleNames)
            {
                if (person.Roles.HasFlag(role))
                {
                    writer.WriteStringValue(name);
                }
            }

            writer.WriteEndArray();
            writer.WriteBoolean("active", person.Active);
            lines.EndLine();
        }
    }

    public static void WriteGroups(string path, IReadOnlyList<Group> groups, SnapshotIds ids)
    {
        using var lines = new JsonLinesWriter(path);
        foreach (var group in groups)
        {
            var writer = lines.StartLine();
            ids.Group.Write(writer, Fields.Id, group.Number);
            writer.WriteString(Fields.Name, group.Plan.Name);
            if (group.Description is not null)
            {
                writer.WriteString("description", group.Description);
            }

            writer.WriteString("privacy", group.Plan.Privacy);
            writer.WriteTimestamp(Fields.CreatedAt, group.CreatedAt);
            ids.Person.Write(writer, JsonEncodedText.Encode("createdBy"), group.CreatorNumber);
            writer.WriteBoolean("archived", group.Plan.Archived);
            writer.WriteStartArray("topics");
            foreach (var topic in group.Plan.Topics)
            {
                writer.WriteStringValue(topic);
            }

            writer.WriteEndArray();
            lines.EndLine();
        }
    }

    public static void WriteMemberships(string path, IReadOnlyList<Group> groups, SnapshotIds ids)
    {
        using var lines = new JsonLinesWriter(path);
        foreach (var group in groups)
        {
            foreach (var membership in group.Members)
            {
                var writer = lines.StartLine();
                ids.Group.Write(writer, Fields.GroupId, group.Number);
                ids.Person.Write(writer, Fields.PersonId, membership.Person.Number);
                writer.WriteString("role", membership.IsAdmin ? "admin" : "member");
                writer.WriteTimestamp(JsonEncodedText.Encode("joinedAt"), membership.JoinedAt);
                lines.EndLine();
            }
        }
    }
}
