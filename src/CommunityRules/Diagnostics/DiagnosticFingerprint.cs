using System.Security.Cryptography;
using System.Text;

namespace CommunityRules.Diagnostics;

/// <summary>Computes a finding's fingerprint from what identifies it, never from its wording, so it survives message edits.</summary>
internal static class DiagnosticFingerprint
{
    public static string Compute(string ruleId, string targetKind, string targetId, string? discriminator = null)
    {
        var identity = $"{ruleId}\n{targetKind}\n{targetId}\n{discriminator}";
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(identity), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
