using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Planning;

/// <summary>
/// An idea moves through the annual cycle on the real pages: recorded by a commune officer, accepted or returned with
/// reasons by the program office, resubmitted, linked to its evaluation round; invalid moves and other communes are refused.
/// </summary>
public class CycleTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task An_idea_is_recorded_returned_with_reasons_resubmitted_and_accepted()
    {
        var officer = await app.As(Demo.ChauThanhOfficer);
        var id = await CreateAsync(officer, Demo.DaLoc, "Bánh tét chay lá dứa", CycleStep.IdeaRegistration);
        var created = await EntryAsync(id);
        Assert.Equal((CycleStep.IdeaRegistration, CycleState.Active, DateTime.UtcNow.AddHours(7).Year), (created.Step, created.State, created.Year));

        await MoveOkAsync(officer, id, "Advance");
        Assert.Equal(CycleStep.FeasibilityReview, (await EntryAsync(id)).Step);

        // The review's decision is the program office's, not the officer's.
        using (var notTheirs = await PostAsync(officer, id, "Return", ("reason", "Thiếu giấy tờ")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        }

        var office = await app.As(Demo.ProgramOffice);
        using (var noReason = await PostAsync(office, id, "Return", ("reason", " ")))
        {
            Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
            Assert.Contains("Nhập lý do trả lại", Html.FieldErrors(await noReason.Content.ReadAsStringAsync())["reason"], StringComparison.Ordinal);
        }

        Assert.Equal(CycleState.Active, (await EntryAsync(id)).State);
        await MoveOkAsync(office, id, "Return", ("reason", "Chưa có nguồn nguyên liệu ổn định; bổ sung hợp đồng với nông hộ."));
        var returned = await EntryAsync(id);
        Assert.Equal((CycleStep.IdeaRegistration, CycleState.Returned, "Chưa có nguồn nguyên liệu ổn định; bổ sung hợp đồng với nông hộ."),
            (returned.Step, returned.State, returned.ReturnReason));
        Assert.Contains("Chưa có nguồn nguyên liệu ổn định", Html.Text(await officer.GetPageAsync($"/Cycle/Details/{id}")), StringComparison.Ordinal);

        await MoveOkAsync(officer, id, "Resubmit", ("note", "Đã bổ sung hợp đồng."));
        await MoveOkAsync(office, id, "Advance");
        Assert.Equal((CycleStep.BusinessPlan, CycleState.Active), ((await EntryAsync(id)).Step, (await EntryAsync(id)).State));

        // Every move is in the entry's history, with who and why.
        var events = await app.QueryAsync(db => db.CycleStepEvents.Where(e => e.EntryId == id).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([null, CycleAction.Advance, CycleAction.Return, CycleAction.Resubmit, CycleAction.Advance], events.Select(e => e.Action));
        // History reads the person's full name, never the login (issue 17).
        var officeName = await app.QueryAsync(db => db.Users.Where(u => u.UserName == Demo.ProgramOffice).Select(u => u.FullName).SingleAsync());
        Assert.Equal(officeName, events[2].UserName);
        Assert.Contains(officeName, Html.Text(await officer.GetPageAsync($"/Cycle/Details/{id}")), StringComparison.Ordinal);
        Assert.StartsWith("Chưa có nguồn nguyên liệu", events[2].Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_move_the_cycle_does_not_allow_is_refused_and_changes_nothing()
    {
        var office = await app.As(Demo.ProgramOffice);
        var id = await CreateAsync(office, Demo.DaLoc, "Mứt dừa Đa Lộc", CycleStep.Communication);
        var before = await EntryAsync(id);

        // Return only exists at the feasibility review; resubmit only after a return.
        foreach (var (handler, field) in new[] { ("Return", "reason"), ("Resubmit", "note") })
        {
            using var refused = await PostAsync(office, id, handler, (field, "Không hợp lệ"));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Không thể", string.Join(" ", Html.SummaryErrors(await refused.Content.ReadAsStringAsync())), StringComparison.Ordinal);
        }

        // A stale version is turned back.
        using (var stale = await office.PostWithTokenAsync($"/Cycle/Details/{id}?handler=Advance", ("version", (before.Version + 5).ToString(CultureInfo.InvariantCulture))))
        {
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            Assert.Contains("vừa được người khác thay đổi", Html.Text(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        var after = await EntryAsync(id);
        Assert.Equal((before.Step, before.State, before.Version), (after.Step, after.State, after.Version));
        Assert.Equal(1, await app.QueryAsync(db => db.CycleStepEvents.CountAsync(e => e.EntryId == id)));
    }

    [Fact]
    public async Task The_evaluation_step_moves_on_only_once_linked_to_a_round_product()
    {
        var office = await app.As(Demo.ProgramOffice);
        var id = await CreateAsync(office, Demo.DaLoc, "Bánh tét lá cẩm (đánh giá)", CycleStep.Communication);
        for (var i = 0; i < 5; i++)
        {
            await MoveOkAsync(office, id, "Advance");
        }

        Assert.Equal(CycleStep.Evaluation, (await EntryAsync(id)).Step);
        using (var refused = await PostAsync(office, id, "Advance"))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Gắn ý tưởng với sản phẩm trong đợt đánh giá", string.Join(" ", Html.SummaryErrors(await refused.Content.ReadAsStringAsync())), StringComparison.Ordinal);
        }

        var product = await app.ProductIdAsync(Demo.BanhTetLaCam);
        var roundProduct = await app.QueryAsync(db => db.RoundProducts.Where(r => r.ProductId == product).Select(r => r.Id).FirstAsync());
        await MoveOkAsync(office, id, "Link", ("roundProductId", roundProduct.ToString(CultureInfo.InvariantCulture)));
        var linked = await EntryAsync(id);
        Assert.Equal((roundProduct, product), (linked.RoundProductId, linked.ProductId));

        await MoveOkAsync(office, id, "Advance");
        Assert.Equal(CycleStep.TradePromotion, (await EntryAsync(id)).Step);
    }

    [Fact]
    public async Task A_commune_officer_records_and_moves_ideas_of_their_own_communes_only()
    {
        var hoaMinh = await app.As(Demo.HoaMinhOfficer);
        var daLocEntry = await CreateAsync(await app.As(Demo.ChauThanhOfficer), Demo.DaLoc, "Chả giò khoai môn", CycleStep.Communication);

        using (var hidden = await hoaMinh.GetAsync($"/Cycle/Details/{daLocEntry}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        using (var move = await PostAsync(hoaMinh, daLocEntry, "Advance"))
        {
            Assert.Equal(HttpStatusCode.NotFound, move.StatusCode);
        }

        Assert.DoesNotContain("Chả giò khoai môn", await hoaMinh.GetPageAsync("/Cycle"), StringComparison.Ordinal);

        var count = await app.QueryAsync(db => db.CycleEntries.CountAsync());
        var form = await hoaMinh.GetFormAsync("/Cycle/Create");
        form.Set("Input.CommuneId", (await app.CommuneIdAsync(Demo.DaLoc)).ToString(CultureInfo.InvariantCulture))
            .Set("Input.ProposerName", "Ông A").Set("Input.IdeaName", "Ý tưởng ở xã khác");
        using var refused = await hoaMinh.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("phạm vi của bạn", Html.FieldErrors(await refused.Content.ReadAsStringAsync())["Input.CommuneId"], StringComparison.Ordinal);
        Assert.Equal(count, await app.QueryAsync(db => db.CycleEntries.CountAsync()));

        // The leader reads the board but moves nothing.
        var leader = await app.As(Demo.Leader);
        Assert.Contains("Chả giò khoai môn", await leader.GetPageAsync("/Cycle"), StringComparison.Ordinal);
        using var leaderMove = await PostAsync(leader, daLocEntry, "Advance");
        Assert.Equal(HttpStatusCode.Forbidden, leaderMove.StatusCode);
    }

    [Fact]
    public async Task A_producer_registers_an_idea_for_their_own_subject()
    {
        var producer = await app.As(Demo.Producer);
        var form = await producer.GetFormAsync("/Cycle/Create");
        form.Set("Input.IdeaName", "Bánh phồng gạo hữu cơ")
            .Set("Input.CommuneId", (await app.CommuneIdAsync(Demo.DaLoc)).ToString(CultureInfo.InvariantCulture));
        using var response = await producer.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = await EntryAsync(Html.IdFromLocation(response, "/Cycle/Details/"));

        // Whatever was posted, the idea is the producer's own subject's, in its commune, at the registration form.
        var own = await app.SubjectAsync(await app.SubjectIdAsync(Demo.TienThanh));
        Assert.Equal((own.Id, own.CommuneId, CycleStep.IdeaRegistration, Demo.TienThanh), (entry.SubjectId, entry.CommuneId, entry.Step, entry.ProposerName));
    }

    [Fact]
    public async Task The_board_counts_each_commune_by_step_and_shows_the_longest_waiting()
    {
        var page = Html.Text(await (await app.As(Demo.ProgramOffice)).GetPageAsync("/Cycle"));
        Assert.Contains("Thịt bò vàng Đa Lộc", page, StringComparison.Ordinal);
        Assert.Contains("160 ngày – chậm", page, StringComparison.Ordinal);

        var summary = await app.QueryAsync(db => Web.Features.Cycle.CycleSummary.ForUnitAsync(
            db, DateTime.UtcNow.AddHours(7).Year, db.Units.Single(u => u.Code == "847" && u.ValidTo != null).Id, DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7))));
        Assert.True(summary.Communes.Count >= 10);
        Assert.True(summary.Returned >= 2);
        Assert.Equal("Thịt bò vàng Đa Lộc", summary.Waiting[0].IdeaName);
        Assert.True(summary.Waiting[0].IsStuck);
    }

    private async Task<int> CreateAsync(HttpClient client, string communeCode, string idea, CycleStep step)
    {
        var form = await client.GetFormAsync("/Cycle/Create");
        form.Set("Input.CommuneId", (await app.CommuneIdAsync(communeCode)).ToString(CultureInfo.InvariantCulture))
            .Set("Input.ProposerName", "Hộ bà Lê Thị Hoa").Set("Input.IdeaName", idea).Set("Input.Step", step.ToString());
        using var response = await client.PostFormAsync(form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, HttpClientExtensions.Shorten(await response.Content.ReadAsStringAsync()));
        return Html.IdFromLocation(response, "/Cycle/Details/");
    }

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, int id, string handler, params (string Name, string Value)[] fields)
    {
        var version = await app.QueryAsync(db => db.CycleEntries.Where(e => e.Id == id).Select(e => e.Version).SingleAsync());
        return await client.PostWithTokenAsync($"/Cycle/Details/{id}?handler={handler}",
            [.. fields, ("version", version.ToString(CultureInfo.InvariantCulture))]);
    }

    private async Task MoveOkAsync(HttpClient client, int id, string handler, params (string Name, string Value)[] fields)
    {
        using var response = await PostAsync(client, id, handler, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler}: {(int)response.StatusCode} {HttpClientExtensions.Shorten(Html.Text(await response.Content.ReadAsStringAsync()))}");
        Assert.Equal($"/Cycle/Details/{id}", response.Location());
    }

    private Task<CycleEntry> EntryAsync(int id) => app.QueryAsync(db => db.CycleEntries.AsNoTracking().SingleAsync(e => e.Id == id));
}
