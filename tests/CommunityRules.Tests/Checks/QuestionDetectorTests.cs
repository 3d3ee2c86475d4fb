using CommunityRules.Checks.BuiltIn.Unanswered;

namespace CommunityRules.Tests.Checks;

/// <summary>What the <c>unanswered</c> check takes for a question when it detects them in text, in five languages.</summary>
public sealed class QuestionDetectorTests
{
    [Theory]
    // A sentence that ends with a question mark.
    [InlineData("Vi ses på fredag. Tar någon med kaffe?")]
    [InlineData("Har ni testat det nya bokningssystemet? Jag får inte in mitt rum.")]
    [InlineData("Is the VPN down for everyone?")]
    [InlineData("Did you read https://intranet.example/faq?")]
    [InlineData("Saako toimistolle tuoda koiran??")]
    [InlineData("Møtet er flyttet – gjelder det også fjernmøtet?")]
    [InlineData("»Kommer ni på julbordet?«")]
    // Openings in Swedish, bokmål, nynorsk, Danish, Finnish and English, without a question mark.
    [InlineData("Vet någon hur man bokar rum 4")]
    [InlineData("Hej alla, vet någon hur man bokar rum 4")]
    [InlineData("Hej!\nHur bokar man rum 4 i nya systemet")]
    [InlineData("Varför har lönen inte kommit")]
    [InlineData("Hvordan søker jeg om ferie i det nye systemet")]
    [InlineData("Vet noen hvor nøklene til lageret er.")]
    [InlineData("Korleis søkjer eg om permisjon")]
    [InlineData("Kven har ansvaret for kaffemaskina")]
    [InlineData("Hvornår kommer lønnen i december")]
    [InlineData("Er der nogen der ved hvor printeren står.")]
    [InlineData("Tietääkö joku miten uusi tulostin otetaan käyttöön")]
    [InlineData("Onko kenelläkään laturia lainaksi")]
    [InlineData("Voisiko joku neuvoa matkalaskun kanssa")]
    [InlineData("Moi! Milloin palkka maksetaan")]
    [InlineData("Does anyone know who runs the Oslo office.")]
    [InlineData("Where do I find the travel policy")]
    public void Posts_that_ask_are_questions(string text) => Assert.True(QuestionDetector.TextAsks(text), text);

    [Theory]
    // Question marks inside links and elsewhere that end no sentence.
    [InlineData("Läs mer på https://intranet.example/faq?id=3 och anmäl dig senast fredag.")]
    [InlineData("Rapporten finns här: https://intranet.example/rapport?år=2026&q=1")]
    [InlineData("See www.example.com/search?q=holiday for the list.")]
    [InlineData("Mötet är kl 10 (?) i rum 4.")]
    [InlineData("Use a ? b : c in the template.")]
    // Rhetorical questions, invitations and teasers before a link.
    [InlineData("Vem älskar inte fredagar? Fika i köket kl 15!")]
    [InlineData("Who doesn't love a long weekend?")]
    [InlineData("Gissa vad? Vi har vunnit priset!")]
    [InlineData("Hvem liker ikke kake? Det står kake på kjøkkenet.")]
    [InlineData("Gæt hvad? Kantinen har fået ny kok.")]
    [InlineData("Kukapa ei pitäisi perjantaista? Kakkua keittiössä.")]
    [InlineData("Missade du stormötet? Se inspelningen här: https://video.example/stormote")]
    [InlineData("Missed the town hall? Watch the recording: https://video.example/townhall")]
    [InlineData("Vill du vara med i fotbollslaget? Anmäl dig på https://intranet.example/fotboll")]
    [InlineData("Haluatko mukaan? Ilmoittaudu: https://intranet.example/ilmo")]
    [InlineData("Och vad hände sen?! Ingen vet.")]
    [InlineData("Varför inte? Vi kör!")]
    // Statements that open with a question word, headings, thanks.
    [InlineData("Hur som helst, mötet är flyttat till torsdag.")]
    [InlineData("När vi ses på fredag tar alla med fika.")]
    [InlineData("Var snäll och diska efter dig.")]
    [InlineData("Vad kul att så många kom!")]
    [InlineData("How we work with suppliers\nOur new process starts in May.")]
    [InlineData("Hvor flott det ble!")]
    [InlineData("What a great day at the fair.")]
    [InlineData("When: Friday 10:00. Where: room 4.")]
    [InlineData("Tack!")]
    [InlineData("Kiitos kaikille!")]
    [InlineData("Tusen takk for hjelpen.")]
    [InlineData("Verkko on taas alhaalla")]
    [InlineData("Pelko pois, huomenna paistaa aurinko")]
    [InlineData("")]
    [InlineData("   ")]
    public void Posts_that_do_not_ask_are_not(string text) => Assert.False(QuestionDetector.TextAsks(text), text);

    [Theory]
    [InlineData("Should we include sources in answers?", true)]
    [InlineData("Hur bokar man rum 4?", true)]
    [InlineData("Who doesn't love Fridays?", false)]
    [InlineData("How we work", false)]
    [InlineData("Varför inte?!", false)]
    [InlineData(null, false)]
    public void A_title_asks_when_it_ends_with_a_question_mark(string? title, bool asks) => Assert.Equal(asks, QuestionDetector.TitleAsks(title));
}
