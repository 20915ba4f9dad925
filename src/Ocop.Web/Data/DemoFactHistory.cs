using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Core.Registry;

namespace Ocop.Web.Data;

/// <summary>
/// How the Châu Thành demo subjects' facts changed over 2023–2026, so that targets T3 (cooperatives), T4 (green value
/// chains) and T6 (modern channels) differ at the end of each year: when each subject was registered, the legal form it
/// had before today's, when its green value chain and each channel of today began, and chains and channels given up.
/// Keyed on the subject names of <see cref="DemoData"/>; today's facts stay DemoData's. A demo subject kept under a
/// commune that ceased on 1 July 2025 and not listed here was registered before the plan (2019). Craft villages get
/// their recognition dates. Written through <see cref="SubjectTimelines"/>, by the same rules as the subject form.
/// Dates and areas are invented for the demo.
/// </summary>
public static class DemoFactHistory
{
    private static readonly DateOnly BeforeThePlan = new(2019, 1, 1);

    private abstract record Fact;

    /// <summary>The subject had <paramref name="Form"/> from its registration until <paramref name="ChangedOn"/>, then today's.</summary>
    private sealed record FormUntil(LegalForm Form, string ChangedOn) : Fact;

    /// <summary>Today's green value chain began on the date (else at registration), on an area of so many hectares.</summary>
    private sealed record GreenSince(string? On, decimal AreaHa) : Fact;

    /// <summary>A green value chain that held between the dates and ended.</summary>
    private sealed record GreenBetween(string From, string Until, decimal AreaHa) : Fact;

    /// <summary>Today's channel began on the date (the others of today: at registration).</summary>
    private sealed record ChannelSince(SalesChannels Channel, string On) : Fact;

    /// <summary>A channel used between the dates and given up.</summary>
    private sealed record ChannelBetween(SalesChannels Channel, string From, string Until) : Fact;

    private sealed record History(string Subject, string Registered, params Fact[] Facts);

    private static readonly History[] Histories =
    [
        new("Hợp tác xã Tiến Thành", "2016-04-12", new GreenSince("2021-05-01", 35), new ChannelSince(SalesChannels.ECommerce, "2023-09-01")),
        new("Hợp tác xã nông nghiệp Phú Mỹ Châu", "2018-07-02", new GreenSince("2022-03-01", 50), new ChannelSince(SalesChannels.ECommerce, "2024-08-15")),
        new("Hợp tác xã Du lịch cộng đồng Cồn Chim", "2019-10-20", new GreenSince("2024-02-01", 12), new ChannelSince(SalesChannels.ECommerce, "2024-04-01")),
        new("Công ty TNHH Hai Sang (Tư Nô)", "2008-05-06", new ChannelSince(SalesChannels.Supermarket, "2023-06-01")),
        new("Hợp tác xã Nông nghiệp thương mại và sản xuất dịch vụ Châu Hưng", "2020-01-15", new GreenSince("2025-03-01", 20)),
        new("Tổ hợp tác thủ công mỹ nghệ Hưng Mỹ", "2017-09-09", new ChannelSince(SalesChannels.ECommerce, "2025-05-01")),
        new("Hộ kinh doanh Bánh tét Bà Năm", "2012-03-03", new ChannelBetween(SalesChannels.ECommerce, "2023-02-01", "2024-07-01")),
        new("Hộ kinh doanh Bánh tét Út Hiền", "2015-11-11", new ChannelSince(SalesChannels.ECommerce, "2025-09-01")),
        new("Công ty TNHH Dừa Xanh Châu Thành", "2014-02-20", new GreenSince(null, 80)),
        new("Hợp tác xã Nông nghiệp Thanh Mỹ", "2019-05-05", new FormUntil(LegalForm.CooperativeGroup, "2024-06-01"), new GreenSince("2023-10-01", 15)),
        new("Cơ sở Yến sào Phước Hảo", "2016-06-06", new GreenBetween("2021-01-01", "2024-12-01", 3), new ChannelSince(SalesChannels.ConvenienceStore, "2024-03-01")),
        new("Hợp tác xã Chăn nuôi Hòa Lợi", "2017-01-01", new FormUntil(LegalForm.HouseholdBusiness, "2024-09-01"), new GreenSince("2024-09-01", 6),
            new ChannelSince(SalesChannels.Supermarket, "2025-02-01")),
        new("Hộ kinh doanh Khô cá Long Hòa", "2013-08-08"),
        new("Tổ hợp tác Mật ong Song Lộc", "2018-04-04", new GreenSince("2022-01-10", 9)),
        new("Công ty cổ phần Thực phẩm Nguyệt Hóa", "2011-10-10", new ChannelSince(SalesChannels.ECommerce, "2023-03-01"), new ChannelSince(SalesChannels.Supermarket, "2025-05-01")),
        new("Hộ kinh doanh Bánh tráng Lương Hòa", "2010-02-02"),
        new("Hợp tác xã Rau an toàn Lương Hòa A", "2016-12-12", new GreenSince("2025-02-01", 10)),
        new("Tổ hợp tác Nấm rơm Nguyệt Hóa", "2023-04-15"),
        new("Doanh nghiệp tư nhân Chuối sấy Hưng Mỹ", "2015-07-07"),
        new("Hộ kinh doanh Tinh dầu sả Phước Hảo", "2019-03-03", new ChannelSince(SalesChannels.ECommerce, "2024-11-01")),
        new("Công ty TNHH Trà mãng cầu Hòa Thuận", "2018-09-09", new FormUntil(LegalForm.HouseholdBusiness, "2023-10-01"), new GreenSince("2025-06-01", 8)),
        new("Hợp tác xã Cây ăn trái Song Lộc", "2015-05-15", new GreenSince("2024-05-01", 25)),
        new("Tổ hợp tác Bò vàng Đa Lộc", "2019-06-06"),
        new("Hộ kinh doanh Bánh gừng Khmer Chị Ba", "2017-02-02"),
        new("Công ty TNHH Xơ dừa Hòa Minh", "2016-08-08", new GreenSince("2023-06-01", 40)),
        new("Hợp tác xã Tôm sú Long Hòa", "2018-03-03", new FormUntil(LegalForm.HouseholdBusiness, "2025-03-01"), new GreenSince(null, 30)),
        new("Tổ hợp tác Cây cảnh Hòa Thuận", "2025-04-10"),
        new("Hợp tác xã Hoa lan Châu Thành", "2024-03-15"),
        new("Doanh nghiệp tư nhân Nước uống Châu Thành", "2014-04-14"),
        new("Hộ kinh doanh Ca cao Hòa Lợi", "2025-11-20"),
        new("Công ty TNHH Thảo mộc Trà Vinh", "2020-06-20", new ChannelSince(SalesChannels.Supermarket, "2024-06-01")),
        new("Hợp tác xã Dệt thổ cẩm Khmer Mỹ Chánh", "2021-01-21", new FormUntil(LegalForm.CooperativeGroup, "2023-08-01")),
        new("Hộ kinh doanh Chả cá Song Lộc", "2023-08-01"),
        // Records of the communes of today (since 1 July 2025).
        new("Hợp tác xã Dừa hữu cơ Mỏ Cày", "2025-09-15"),
        new("Hộ kinh doanh Nem chua Cô Út", "2026-02-10"),
        new("Công ty TNHH Thạch dừa Giồng Trôm", "2026-04-20"),
    ];

    private static readonly (string Village, string RecognisedOn)[] Villages =
    [
        ("Làng nghề tiểu thủ công nghiệp Hưng Mỹ", "2007-11-29"), // QĐ 1814/QĐ-UBND ngày 29/11/2007
        ("Làng nghề rượu Xuân Thạnh", "2012-08-20"),
        ("Làng nghề bánh tét Đa Lộc", "2024-05-15"),
    ];

    public static async Task SeedAsync(OcopDbContext db, DateOnly today, CancellationToken ct = default)
    {
        // Written once: a recorded change (any period that has ended) means the history is there already.
        if (await db.SubjectLegalForms.AnyAsync(p => p.EndedOn != null, ct) || !await db.Subjects.AnyAsync(ct))
        {
            return;
        }

        var histories = Histories.ToDictionary(h => h.Subject, StringComparer.Ordinal);
        var subjects = await db.Subjects.Include(s => s.Commune).ToListAsync(ct);
        foreach (var subject in subjects)
        {
            var timelines = await SubjectTimelines.LoadAsync(db, subject, ct);
            if (!histories.TryGetValue(subject.Name, out var history))
            {
                if (subject.Commune?.ValidTo is not null && subject.RegisteredOn > BeforeThePlan)
                {
                    Check(subject, timelines.MoveRegistration(BeforeThePlan, today));
                }

                continue;
            }

            var registered = Day(history.Registered);
            if (registered > today)
            {
                continue;
            }

            Check(subject, timelines.MoveRegistration(registered, today));
            var (form, green, channels) = (subject.LegalForm, subject.GreenValueChain, subject.SalesChannels);
            var evidence = subject.RawMaterialEvidence;
            // The state on each day something changed, oldest first; recording each gives exactly the periods described.
            var days = history.Facts.SelectMany(Days).Append(registered).Where(d => d >= registered && d <= today).Distinct().Order();
            foreach (var day in days)
            {
                var formThen = history.Facts.OfType<FormUntil>().FirstOrDefault(f => day < Day(f.ChangedOn))?.Form ?? form;
                var greenThen = GreenOn(history, day, registered, green, evidence);
                var channelsThen = SubjectTimelines.AllChannels
                    .Where(c => UsedOn(history, c, day, channels.HasFlag(c)))
                    .Aggregate(SalesChannels.None, (all, c) => all | c);
                var problems = timelines.Record(formThen, greenThen, channelsThen, day, today);
                Check(subject, problems.Count == 0 ? null : string.Join("; ", problems.Values));
            }
        }

        var villages = await db.CraftVillages.ToListAsync(ct);
        foreach (var (name, recognisedOn) in Villages)
        {
            foreach (var village in villages.Where(v => v.Name == name && v.RecognisedOn is null))
            {
                village.RecognisedOn = Day(recognisedOn);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static GreenChain? GreenOn(History history, DateOnly day, DateOnly registered, bool greenToday, string? evidence)
    {
        if (history.Facts.OfType<GreenBetween>().FirstOrDefault(g => Day(g.From) <= day && day < Day(g.Until)) is { } ended)
        {
            return new GreenChain(ended.AreaHa, "Hợp đồng liên kết vùng nguyên liệu (dữ liệu minh họa, đã chấm dứt).");
        }

        var since = history.Facts.OfType<GreenSince>().FirstOrDefault();
        return greenToday && day >= (since?.On is string on ? Day(on) : registered)
            ? new GreenChain(since?.AreaHa, evidence)
            : null;
    }

    private static bool UsedOn(History history, SalesChannels channel, DateOnly day, bool usedToday)
    {
        if (history.Facts.OfType<ChannelBetween>().Any(c => c.Channel == channel && Day(c.From) <= day && day < Day(c.Until)))
        {
            return true;
        }

        var since = history.Facts.OfType<ChannelSince>().FirstOrDefault(c => c.Channel == channel);
        return usedToday && (since is null || day >= Day(since.On));
    }

    private static IEnumerable<DateOnly> Days(Fact fact) => fact switch
    {
        FormUntil f => [Day(f.ChangedOn)],
        GreenSince { On: string on } => [Day(on)],
        GreenBetween g => [Day(g.From), Day(g.Until)],
        ChannelSince c => [Day(c.On)],
        ChannelBetween c => [Day(c.From), Day(c.Until)],
        _ => [],
    };

    private static void Check(Subject subject, string? problem)
    {
        if (problem is not null)
        {
            throw new InvalidOperationException($"Demo history of {subject.Name}: {problem}");
        }
    }

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
