// Temporary: the shape of the link helpers being written on another branch. Deleted at merge.
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
