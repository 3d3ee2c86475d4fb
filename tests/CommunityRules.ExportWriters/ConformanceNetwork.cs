using CommunityRules.Model;

namespace CommunityRules.ExportWriters;

/// <summary>
/// The one network every provider must read alike: people (one who left, one bot), groups with admins, a thread with
/// replies, reactions, a bot's posts, personal data and a denied link in replies. Group names are lower case with
/// hyphens, so every format (Slack's channel names included) can hold them unchanged.
/// </summary>
public static class ConformanceNetwork
{
    public static readonly DateTimeOffset AsOf = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    public static ExportNetwork Create()
    {
        var network = new ExportNetwork { Name = "Nordlys conformance", AsOf = AsOf };
        network.People.AddRange(
        [
            Person("p-anna", "Anna Berg", "anna.berg@nordlys.example", "Head of Communications"),
            Person("p-bjorn", "Bjørn Haugen", "bjorn.haugen@nordlys.example", "Sales Manager"),
            Person("p-chen", "Chen Li", "chen.li@nordlys.example", "Account Executive"),
            Person("p-dora", "Dóra Nilsson", "dora.nilsson@nordlys.example", "HR Partner") with { Active = false },
            Person("p-eino", "Eino Mäkinen", "eino.makinen@nordlys.example", "Designer"),
            new Person { Id = "p-bot", Name = "Deploy Bot", Kind = PersonKind.Bot },
        ]);

        network.Groups.AddRange(
        [
            Group("g-sales", "sales-stockholm", "Sales in Stockholm: leads, wins and questions about pricing.", GroupPrivacy.Open, "2024-01-10", "p-anna"),
            Group("g-hr", "hr-oslo", "HR news and questions for the Oslo office.", GroupPrivacy.Closed, "2023-05-02", "p-dora"),
            Group("g-design", "design-helsinki", "Design reviews and critique for the Helsinki studio.", GroupPrivacy.Open, "2022-03-15", "p-eino"),
            Group("g-test", "test-lab", "Trying things out.", GroupPrivacy.Open, "2025-02-01", "p-bjorn"),
        ]);

        Members(network, "g-sales", ("p-anna", MembershipRole.Admin), ("p-bjorn", MembershipRole.Admin), ("p-chen", MembershipRole.Member), ("p-eino", MembershipRole.Member));
        Members(network, "g-hr", ("p-dora", MembershipRole.Admin), ("p-eino", MembershipRole.Member), ("p-anna", MembershipRole.Member));
        Members(network, "g-design", ("p-eino", MembershipRole.Admin), ("p-anna", MembershipRole.Admin), ("p-bot", MembershipRole.Member));
        Members(network, "g-test", ("p-bjorn", MembershipRole.Admin), ("p-chen", MembershipRole.Admin));

        network.Posts.AddRange(
        [
            Post("m-kickoff", "g-sales", "p-anna", "2026-09-20T09:00:00Z", "Welcome to the Q4 kickoff! The agenda is on https://intranet.nordlys.example/q4 and we start at 10."),
            Post("m-price", "g-sales", "p-chen", "2026-09-25T08:15:00Z", "Does anyone know when the new price list is published?") with { Type = PostType.Question },
            Post("m-holiday", "g-hr", "p-eino", "2026-06-01T12:00:00Z", "The new holiday policy is out, see the handbook."),
            Post("m-review", "g-design", "p-eino", "2025-11-14T14:30:00Z", "Design review notes from November are in the shared folder."),
            Post("m-deploy", "g-design", "p-bot", "2026-09-30T06:00:00Z", "Deployed build 1234 to production."),
            Post("m-lab", "g-test", "p-bjorn", "2026-09-29T11:00:00Z", "Testing the new poll feature, ignore this."),
        ]);

        network.Comments.AddRange(
        [
            Comment("m-kickoff-1", "m-kickoff", "p-bjorn", "2026-09-20T09:30:00Z", "Thanks! Call me on +46 70 123 45 67 if you need anything before."),
            Comment("m-kickoff-2", "m-kickoff", "p-chen", "2026-09-20T10:05:00Z", "Slides are here: https://wetransfer.com/downloads/q4-kickoff"),
            Comment("m-price-1", "m-price", "p-anna", "2026-09-25T09:00:00Z", "On 1 October, the sales ops team sends it out.") with { AcceptedAnswer = true },
            Comment("m-holiday-1", "m-holiday", "p-anna", "2026-06-02T07:45:00Z", "Great, thanks for sharing."),
            Comment("m-deploy-1", "m-deploy", "p-bot", "2026-09-30T06:01:00Z", "Smoke tests passed."),
        ]);

        network.Reactions.AddRange(
        [
            Reaction("m-kickoff", "p-bjorn", "like", "2026-09-20T09:10:00Z"),
            Reaction("m-kickoff", "p-chen", "like", "2026-09-20T09:12:00Z"),
            Reaction("m-kickoff", "p-eino", "love", "2026-09-20T11:00:00Z"),
            Reaction("m-kickoff-1", "p-anna", "like", "2026-09-20T09:40:00Z"),
            Reaction("m-holiday", "p-anna", "like", "2026-06-01T13:00:00Z"),
        ]);

        return network;
    }

    private static Person Person(string id, string name, string email, string title) =>
        new() { Id = id, Name = name, Email = email, Title = title };

    private static Group Group(string id, string name, string description, GroupPrivacy privacy, string createdAt, string createdBy) =>
        new() { Id = id, Name = name, Description = description, Privacy = privacy, CreatedAt = Date(createdAt), CreatedBy = createdBy };

    private static Post Post(string id, string groupId, string authorId, string createdAt, string text) =>
        new() { Id = id, GroupId = groupId, AuthorId = authorId, CreatedAt = Date(createdAt), Text = text };

    private static Comment Comment(string id, string postId, string authorId, string createdAt, string text) =>
        new() { Id = id, PostId = postId, AuthorId = authorId, CreatedAt = Date(createdAt), Text = text };

    private static Reaction Reaction(string targetId, string personId, string type, string createdAt) =>
        new() { TargetId = targetId, PersonId = personId, Type = type, CreatedAt = Date(createdAt) };

    private static void Members(ExportNetwork network, string groupId, params (string PersonId, MembershipRole Role)[] members) =>
        network.Memberships.AddRange(members.Select(m => new Membership { GroupId = groupId, PersonId = m.PersonId, Role = m.Role }));

    private static DateTimeOffset Date(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
}
