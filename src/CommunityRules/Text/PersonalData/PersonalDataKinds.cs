namespace CommunityRules.Text.PersonalData;

/// <summary>The kinds of personal data the scanner can find; rules enable them by name in a <c>detectors:</c> list.</summary>
[Flags]
internal enum PersonalDataKinds
{
    None = 0,
    Email = 1,
    Phone = 2,
    Personnummer = 4,
    Fodselsnummer = 8,
    Cpr = 16,
    Hetu = 32,
    Iban = 64,
    PaymentCard = 128,
    All = 255,
}

/// <summary>One value found in a text: its kind and where it sits (UTF-16 offsets).</summary>
internal readonly record struct PersonalDataMatch(PersonalDataKinds Kind, int Start, int Length);

/// <summary>Receives the matches of a scan; a struct so the scan stays free of allocation and virtual calls.</summary>
internal interface IPersonalDataSink
{
    void Add(PersonalDataMatch match);
}
