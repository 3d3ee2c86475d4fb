namespace CommunityRules.Diagnostics;

/// <summary>Why a finding is suppressed: the exemption that covers it.</summary>
/// <param name="Justification">The reason given for the exemption.</param>
/// <param name="Expires">The last day the exemption applies.</param>
/// <param name="Owner">Who is responsible for the exemption, if named.</param>
/// <param name="Source">Where the exemption is written, as <c>file(line,col)</c>.</param>
public sealed record Suppression(string Justification, DateOnly Expires, string? Owner, string Source);
