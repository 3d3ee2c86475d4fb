// Temporary: the shapes of the detector and link helpers being written on other branches. Deleted at merge.
namespace CommunityRules.Text.PersonalData
{
    [Flags]
    internal enum PersonalDataKinds { None = 0, Email = 1, Phone = 2, Personnummer = 4, Fodselsnummer = 8, Cpr = 16, Hetu = 32, Iban = 64, PaymentCard = 128, All = 255 }

    internal readonly record struct PersonalDataMatch(PersonalDataKinds Kind, int Start, int Length);

    internal interface IPersonalDataSink { void Add(PersonalDataMatch match); }

    internal static class PersonalDataScanner
    {
        public static IReadOnlyList<string> Names { get; } = ["email", "phone", "personnummer", "fodselsnummer", "cpr", "hetu", "iban", "paymentCard"];

        public static void Scan<TSink>(ReadOnlySpan<char> text, PersonalDataKinds kinds, ref TSink sink) where TSink : struct, IPersonalDataSink { }

        public static string Mask(PersonalDataKinds kind, ReadOnlySpan<char> value) => "****";

        public static string NameOf(PersonalDataKinds kind) => kind.ToString();

        public static string DisplayNameOf(PersonalDataKinds kind) => kind.ToString();

        public static bool TryParseName(string name, out PersonalDataKinds kind) => Enum.TryParse(name, true, out kind);
    }
}

namespace CommunityRules.Text.Links
{
    internal readonly record struct LinkMatch(int Start, int Length, int HostStart, int HostLength);

    internal interface ILinkSink { void Add(LinkMatch link); }

    internal static class LinkScanner
    {
        public static void Scan<TSink>(ReadOnlySpan<char> text, ref TSink sink) where TSink : struct, ILinkSink { }
    }

    internal sealed class DomainList
    {
        public int Count { get; }

        public static bool TryCreate(IEnumerable<string> domains, out DomainList? list, out IReadOnlyList<(int Index, string Error)> errors)
        {
            list = new DomainList();
            errors = [];
            return true;
        }

        public bool Covers(ReadOnlySpan<char> host) => Count < 0;

        public static string DisplayName(ReadOnlySpan<char> host) => host.ToString();
    }
}
