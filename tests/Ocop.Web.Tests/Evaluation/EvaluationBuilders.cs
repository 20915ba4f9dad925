using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Dossiers;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Evaluation;

/// <summary>A council member of a test round: their own signed-in client, account and seat.</summary>
public sealed record TestMember(HttpClient Client, string UserId, int MemberId, string FullName);

/// <summary>
/// A round built through the office's pages, as RoundsTests does: created on /Rounds/Edit (warnings confirmed), members
/// added as new council accounts, products found with the picker, sheets posted as the score page's form.
/// </summary>
public sealed class TestRound(AppFixture app, HttpClient office, int id)
{
    private static int counter;

    public int Id => id;

    public static async Task<TestRound> CreateAsync(AppFixture app, string process = "26/2026", EvaluationLevel level = EvaluationLevel.Province,
        string unitCode = "86", string opens = "2026-11-02", string closes = "2026-12-20")
    {
        var office = await app.As(Demo.ProgramOffice);
        var unit = await app.QueryAsync(db => db.Units.Where(u => u.Code == unitCode && u.Level != Core.Units.UnitLevel.Commune)
            .OrderBy(u => u.ValidTo == null ? 0 : 1).Select(u => u.Id).FirstAsync());
        var form = await office.GetFormAsync("/Rounds/Edit");
        form.Set("Input.Name", $"Đợt thử quy trình {Interlocked.Increment(ref counter)} {Guid.NewGuid().ToString("N")[..4]}")
            .Set("Input.Level", level.ToString()).Set("Input.ProcessCode", process).Set("Input.UnitId", unit.ToString(CultureInfo.InvariantCulture))
            .Set("Input.OpensOn", opens).Set("Input.ClosesOn", closes).Set("Input.ConfirmWarnings", "true");
        using var response = await office.PostFormAsync(form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, HttpClientExtensions.Shorten(await response.Content.ReadAsStringAsync()));
        return new TestRound(app, office, Html.IdFromLocation(response, "/Rounds/Details/"));
    }

    public async Task<TestMember> AddMemberAsync(CouncilPosition position)
    {
        var n = Interlocked.Increment(ref counter);
        var userName = $"hd.{position.ToString().ToLowerInvariant()}.{n}.{Guid.NewGuid().ToString("N")[..4]}";
        var fullName = $"Thành viên {position} {n}";
        var userId = await app.WithUsersAsync(async users =>
        {
            var user = new AppUser { UserName = userName, FullName = fullName, Role = Role.CouncilMember, Organisation = "Sở Nông nghiệp và Môi trường" };
            var created = await users.CreateAsync(user, DemoData.Password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            return user.Id;
        });
        var form = await office.GetFormAsync($"/Rounds/Details/{id}", "AddMember");
        form.Set("Member.UserId", userId).Set("Member.Position", position.ToString());
        using var response = await office.PostFormAsync(form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, HttpClientExtensions.Shorten(await response.Content.ReadAsStringAsync()));
        var memberId = await app.QueryAsync(db => db.CouncilMembers.Where(m => m.RoundId == id && m.UserId == userId).Select(m => m.Id).SingleAsync());
        return new TestMember(await app.SignInAsync(userName, DemoData.Password), userId, memberId, fullName);
    }

    public async Task<int> AddProductAsync(string productName)
    {
        var productId = await app.ProductIdAsync(productName);
        var q = Uri.EscapeDataString(Core.Text.VietnameseText.Fold(productName));
        var html = await office.GetPageAsync($"/Rounds/Details/{id}?q={q}");
        var form = HtmlForm.Read(html, $"/Rounds/Details/{id}", "AddProduct");
        form.Set("AddProduct.ProductId", productId.ToString(CultureInfo.InvariantCulture));
        using var response = await office.PostFormAsync(form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, HttpClientExtensions.Shorten(await response.Content.ReadAsStringAsync()));
        return await app.QueryAsync(db => db.RoundProducts.Where(p => p.RoundId == id && p.ProductId == productId).Select(p => p.Id).SingleAsync());
    }

    /// <summary>The member declares a conflict with the product's subject from the score page, before scoring.</summary>
    public async Task<HttpResponseMessage> DeclareConflictFromSheetAsync(TestMember member, int roundProductId, string relation)
    {
        var form = await member.Client.GetFormAsync($"/Rounds/{id}/Score/{roundProductId}", "Conflict");
        form.Set("Conflict.Relation", relation);
        return await member.Client.PostFormAsync(form);
    }

    public Task<Scoresheet> SheetAsync(int roundProductId) =>
        app.QueryAsync(async db => (await db.RoundProducts.Where(p => p.Id == roundProductId).Select(p => p.Scoresheet!).SingleAsync()).ToModel());

    /// <summary>Complete answers: each criterion's option nearest to <paramref name="share"/> of its maximum; the first case of a choose-one group.</summary>
    public async Task<Dictionary<string, int>> AnswersAsync(int roundProductId, double share)
    {
        var sheet = await SheetAsync(roundProductId);
        var answers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var scored in sheet.ScoredCriteria)
        {
            if (scored.Group.ChooseOne && !ReferenceEquals(scored.Criterion, scored.Group.Criteria[0]))
            {
                continue;
            }

            var usable = scored.Leaf.Options.Where(o => o.Points is not null).ToList();
            var target = share * (double)scored.Leaf.Max.Value;
            var option = usable.MinBy(o => Math.Abs((double)o.Points!.Value.Value - target));
            answers[scored.Leaf.Code] = option?.Number ?? ScoreOption.NoneApplies;
        }

        return answers;
    }

    public async Task<HttpResponseMessage> ScoreAsync(TestMember member, int roundProductId, Dictionary<string, int> answers, string command)
    {
        var url = $"/Rounds/{id}/Score/{roundProductId}";
        var form = await member.Client.GetFormAsync(url);
        foreach (var (code, number) in answers)
        {
            form.Set($"Answers[{code}]", number.ToString(CultureInfo.InvariantCulture));
        }

        form.Set("command", command);
        return await member.Client.PostFormAsync(form);
    }

    public async Task ScoreOkAsync(TestMember member, int roundProductId, Dictionary<string, int> answers, string command = "submit")
    {
        using var response = await ScoreAsync(member, roundProductId, answers, command);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, HttpClientExtensions.Shorten(Html.Text(await response.Content.ReadAsStringAsync())));
    }

    public async Task CloseAsync(TestMember chair)
    {
        using var response = await chair.Client.PostWithTokenAsync($"/Rounds/{id}/Results?handler=Close");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, HttpClientExtensions.Shorten(Html.Text(await response.Content.ReadAsStringAsync())));
    }
}

/// <summary>Certificates and dossiers written straight to the database, dated relative to today's Vietnam date.</summary>
public static class EvaluationData
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    /// <summary>A certificate of a province decision (issued 36 months before it expires) expiring <paramref name="expiresInDays"/> from today.</summary>
    public static Task<Certificate> CertificateAsync(AppFixture app, int productId, int expiresInDays, int stars = 4, int? filedDaysBeforeExpiry = null) =>
        app.QueryAsync(async db =>
        {
            var expires = Today.AddDays(expiresInDays);
            var tag = Guid.NewGuid().ToString("N")[..8];
            var recognition = new Recognition
            {
                DecisionNumber = "P-" + tag + "/QĐ-UBND",
                SignedOn = expires.AddMonths(-36),
                Signer = "Nguyễn Văn Ký",
                SignerTitle = "Chủ tịch",
                Issuer = "UBND tỉnh Vĩnh Long",
                Level = EvaluationLevel.Province,
            };
            var certificate = new Certificate
            {
                Number = "2099/OCOP-P-" + tag,
                ProductId = productId,
                Stars = stars,
                ScoreHundredths = stars * 1700,
                IssuedOn = expires.AddMonths(-36),
                ExpiresOn = expires,
                ReevaluationFiledOn = filedDaysBeforeExpiry is int filed ? expires.AddDays(-filed) : null,
            };
            recognition.Certificates.Add(certificate);
            db.Recognitions.Add(recognition);
            await db.SaveChangesAsync();
            return certificate;
        });

    /// <summary>The required checklist items of a dossier, by the same rule the page uses.</summary>
    public static Task<List<DossierChecklistItem>> RequiredItemsAsync(AppFixture app, int dossierId) => app.QueryAsync(async db =>
    {
        var dossier = await db.Dossiers.AsNoTracking().Where(d => d.Id == dossierId).Select(d => new { d.Variant, d.Product!.Category!.Code }).SingleAsync();
        var items = await db.DossierChecklist.AsNoTracking().Where(i => !i.IsArchived && i.Required).ToListAsync();
        return items.Where(i => DossierRules.Applies(i.CategoryPrefix, i.OnlyFor, dossier.Code, dossier.Variant)).ToList();
    });

    private static int dossierYears;

    /// <summary>
    /// A year far ahead, different at every call: one product has one dossier per year, so two tests making a dossier
    /// for the same product must never draw the same year (a random draw once did, and the second form was refused).
    /// </summary>
    private static int NextDossierYear() => Today.Year + 10 + (Interlocked.Increment(ref dossierYears) % 60);

    /// <summary>Creates a dossier through its form and uploads a file for every required item; returns its id.</summary>
    public static async Task<int> CompleteDossierAsync(AppFixture app, HttpClient client, int productId, DossierVariant variant)
    {
        var form = (await client.GetFormAsync($"/Dossiers/Create/{productId}"))
            .Set("Input.Year", NextDossierYear().ToString(CultureInfo.InvariantCulture)).Set("Input.Variant", variant.ToString());
        using var created = await client.PostFormAsync(form);
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, HttpClientExtensions.Shorten(Html.Text(await created.Content.ReadAsStringAsync())));
        var id = Html.IdFromLocation(created, "/Dossiers/Details/");
        foreach (var item in await RequiredItemsAsync(app, id))
        {
            using var content = new MultipartFormDataContent
            {
                { new StringContent(await client.TokenAsync()), HtmlForm.TokenField },
                { new StringContent(item.Id.ToString(CultureInfo.InvariantCulture)), "item" },
            };
            var file = new ByteArrayContent(Pdf);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            content.Add(file, "file", "giay-to.pdf");
            using var uploaded = await client.PostAsync($"/Dossiers/Details/{id}?handler=Upload", content);
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        return id;
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
