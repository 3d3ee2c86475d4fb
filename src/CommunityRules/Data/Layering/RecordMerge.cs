using CommunityRules.Model;

namespace CommunityRules.Data.Layering;

/// <summary>
/// How a later layer's record completes an earlier one with the same identifier: a value the later layer has wins,
/// a value it lacks (null, an empty list) keeps the earlier one. Flags that a format cannot know are taken from the
/// later layer only when it declares that it knows them.
/// </summary>
internal static class RecordMerge
{
    public static Person Person(Person earlier, Person later, DataCapabilities laterKnows) => new()
    {
        Id = earlier.Id,
        Name = later.Name ?? earlier.Name,
        Email = later.Email ?? earlier.Email,
        Title = later.Title ?? earlier.Title,
        Department = later.Department ?? earlier.Department,
        Company = later.Company ?? earlier.Company,
        Office = later.Office ?? earlier.Office,
        Country = later.Country ?? earlier.Country,
        ManagerId = later.ManagerId ?? earlier.ManagerId,
        Roles = later.Roles.Count > 0 ? later.Roles : earlier.Roles,

        // A directory layered over an export does not know bots; what either layer says is a bot stays one.
        Kind = later.Kind != PersonKind.Person ? later.Kind : earlier.Kind,
        Active = laterKnows.HasFlag(DataCapabilities.Departures) ? later.Active : earlier.Active,
    };

    public static Group Group(Group earlier, Group later, DataCapabilities laterKnows) => new()
    {
        Id = earlier.Id,
        Name = later.Name ?? earlier.Name,
        Description = later.Description ?? earlier.Description,
        Privacy = later.Privacy ?? earlier.Privacy,
        CreatedAt = later.CreatedAt ?? earlier.CreatedAt,
        CreatedBy = later.CreatedBy ?? earlier.CreatedBy,
        Archived = earlier.Archived || later.Archived,
        Topics = later.Topics.Count > 0 ? later.Topics : earlier.Topics,
    };

    public static Membership Membership(Membership earlier, Membership later, DataCapabilities laterKnows) => new()
    {
        GroupId = earlier.GroupId,
        PersonId = earlier.PersonId,
        Role = laterKnows.HasFlag(DataCapabilities.Admins) ? later.Role : earlier.Role,
        JoinedAt = later.JoinedAt ?? earlier.JoinedAt,
    };
}
