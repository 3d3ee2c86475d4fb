using System.Text;

namespace CommunityRules.SampleNetwork;

/// <summary>Builds the people directory: CEO, executive team, managers and employees in four countries.</summary>
internal static class PeopleBuilder
{
    /// <summary>Number of leadership people before ordinary staff: the CEO plus the executive team.</summary>
    public static readonly int LeadershipCount = 1 + NordicData.ExecutiveTeam.Length;

    private const double InactiveShare = 0.06;
    private const int PeoplePerManager = 10;
    private const double SeniorShare = 0.2;

    public static List<Person> Build(Random random, int count)
    {
        var emails = new Dictionary<string, int>(StringComparer.Ordinal);
        var people = new List<Person>(count);
        var sweden = NordicData.Country("SE");
        people.Add(CreatePerson(random, emails, 1, sweden, sweden.Offices[0], NordicData.CeoDepartment,
            NordicData.CeoTitle, NordicData.GroupCompany, PersonRoles.Executive, managerNumber: 0));

        foreach (var seat in NordicData.ExecutiveTeam)
        {
            var country = NordicData.Country(seat.CountryCode);
            var roles = seat.Departments.Contains("Communications")
                ? PersonRoles.Executive | PersonRoles.Communications
                : PersonRoles.Executive;
            people.Add(CreatePerson(random, emails, people.Count + 1, country, country.Offices[0], seat.Departments[0],
                seat.Title, NordicData.GroupCompany, roles, managerNumber: 1));
        }

        var staff = DraftStaff(random, count - LeadershipCount);
        AssignManagers(random, staff);
        foreach (var draft in staff)
        {
            var number = people.Count + 1;
            var isCommunications = draft.Department.Name == "Communications";
            var roles = (draft.IsManager ? PersonRoles.Manager : PersonRoles.Employee)
                | (isCommunications ? PersonRoles.Communications : PersonRoles.None);
            var title = draft.IsManager ? draft.Department.ManagerTitle : EmployeeTitle(random, draft.Department);
            var managerNumber = draft.IsManager
                ? ExecutiveNumber(draft.Department.Name)
                : LeadershipCount + draft.ManagerDraftIndex + 1;
            people.Add(CreatePerson(random, emails, number, draft.Country, draft.Office, draft.Department.Name,
                title, draft.Country.Company, roles, managerNumber));
        }

        // Anyone but the leadership team may have left; their records and memberships stay behind.
        var leavers = random.Sample(people.Skip(LeadershipCount).ToList(), (int)Math.Round(count * InactiveShare));
        foreach (var leaver in leavers)
        {
            leaver.Active = false;
        }

        return people;
    }

    private static List<StaffDraft> DraftStaff(Random random, int count)
    {
        var countryWeights = NordicData.Countries.Select(c => c.PeopleWeight).ToArray();
        var departmentWeights = NordicData.Departments.Select(d => d.PeopleWeight).ToArray();
        var staff = new List<StaffDraft>(count);
        for (var i = 0; i < count; i++)
        {
            var country = NordicData.Countries[random.PickWeighted(countryWeights)];
            var office = country.Offices[random.PickWeighted(country.OfficeWeights)];
            var department = NordicData.Departments[random.PickWeighted(departmentWeights)];
            staff.Add(new StaffDraft(country, office, department));
        }

        return staff;
    }

    /// <summary>Picks about one manager per ten people in every country and department; employees report to a manager in their own office when there is one.</summary>
    private static void AssignManagers(Random random, List<StaffDraft> staff)
    {
        foreach (var country in NordicData.Countries)
        {
            foreach (var department in NordicData.Departments)
            {
                var team = Enumerable.Range(0, staff.Count)
                    .Where(i => staff[i].Country == country && staff[i].Department == department)
                    .ToList();
                if (team.Count == 0)
                {
                    continue;
                }

                var managerCount = Math.Max(1, (int)Math.Round(team.Count / (double)PeoplePerManager));
                var managers = random.Sample(team, managerCount);
                foreach (var manager in managers)
                {
                    staff[manager].IsManager = true;
                }

                foreach (var member in team.Where(i => !staff[i].IsManager))
                {
                    var local = managers.Where(m => staff[m].Office == staff[member].Office).ToList();
                    staff[member].ManagerDraftIndex = random.Pick(local.Count > 0 ? local : managers);
                }
            }
        }
    }

    /// <summary>True when <paramref name="person"/> is the executive that <paramref name="department"/> reports to.</summary>
    public static bool Heads(Person person, string department) => person.Number == ExecutiveNumber(department);

    // The executive team follows the CEO (number 1) in the order of NordicData.ExecutiveTeam.
    private static int ExecutiveNumber(string department) =>
        2 + Array.FindIndex(NordicData.ExecutiveTeam, seat => seat.Departments.Contains(department));

    private static string EmployeeTitle(Random random, DepartmentInfo department)
    {
        var title = random.Pick(department.EmployeeTitles);
        return random.Chance(SeniorShare) ? "Senior " + title : title;
    }

    private static Person CreatePerson(Random random, Dictionary<string, int> emails, int number, CountryInfo country,
        string office, string department, string title, string company, PersonRoles roles, int managerNumber)
    {
        var firstName = random.Pick(country.FirstNames);
        var lastName = random.Pick(country.LastNames);
        return new Person
        {
            Number = number,
            FirstName = firstName,
            LastName = lastName,
            Email = UniqueEmail(emails, firstName, lastName),
            Title = title,
            Department = department,
            Company = company,
            Office = office,
            Country = country,
            Roles = roles,
            ManagerNumber = managerNumber,
        };
    }

    /// <summary><c>firstname.lastname@nordlys.example</c>, ASCII-folded; later namesakes get 2, 3, … appended.</summary>
    private static string UniqueEmail(Dictionary<string, int> emails, string firstName, string lastName)
    {
        var localPart = $"{AsciiFold(firstName)}.{AsciiFold(lastName)}";
        var seen = emails.GetValueOrDefault(localPart) + 1;
        emails[localPart] = seen;
        var suffix = seen == 1 ? string.Empty : seen.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{localPart}{suffix}@{NordicData.EmailDomain}";
    }

    private static string AsciiFold(string name)
    {
        var folded = new StringBuilder(name.Length + 2);
        foreach (var c in name.ToLowerInvariant())
        {
            switch (c)
            {
                case 'å' or 'ä' or 'á' or 'à': folded.Append('a'); break;
                case 'ö' or 'ø' or 'ó': folded.Append('o'); break;
                case 'æ': folded.Append("ae"); break;
                case 'é' or 'è': folded.Append('e'); break;
                case 'ü': folded.Append('u'); break;
                case >= 'a' and <= 'z': folded.Append(c); break;
                default: break; // Hyphens, apostrophes and spaces are dropped.
            }
        }

        return folded.ToString();
    }

    private sealed class StaffDraft(CountryInfo country, string office, DepartmentInfo department)
    {
        public CountryInfo Country { get; } = country;

        public string Office { get; } = office;

        public DepartmentInfo Department { get; } = department;

        public bool IsManager { get; set; }

        public int ManagerDraftIndex { get; set; }
    }
}
