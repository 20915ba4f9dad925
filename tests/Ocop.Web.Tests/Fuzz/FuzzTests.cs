using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.Core.Access;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests;

/// <summary>
/// Issue 13: every page, every form on it and every API route fed generated junk — control characters, numbers past
/// every type, dates at the ends of the calendar, long and empty strings, markup — seeded and so reproducible
/// (OCOP_FUZZ_SEED, OCOP_FUZZ_CASES). No answer may be a 5xx, and a refused input (any answer but a redirect after a
/// post) must leave the database as it was: the <see cref="DatabaseFingerprint"/> before and after are compared.
/// </summary>
public partial class FuzzTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("OCOP_FUZZ_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : 13;
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("OCOP_FUZZ_CASES"), CultureInfo.InvariantCulture, out var cases) ? cases : 10_000;

    private static readonly string[] QueryNames =
        ["q", "page", "year", "at", "from", "to", "unit", "plan", "commune", "status", "sort", "round", "id", "type", "user", "category",
         "size", "stars", "state", "handler", "legalForm", "productId", "step", "office", "kind", "overdue", "desc",
         "group", "province", "salesPoint", "number", "subject"];

    [Fact]
    public async Task Junk_at_every_route_never_answers_5xx_and_a_refused_input_changes_nothing()
    {
        var random = new Random(Seed);
        var admin = await app.As(Demo.Admin);
        var office = await app.As(Demo.ProgramOffice);
        var targets = await TargetsAsync();
        var generators = new List<Func<Task<string?>>>();
        foreach (var (pattern, url) in targets)
        {
            foreach (var client in new[] { admin, office })
            {
                generators.Add(() => GetAsync(client, url, random));
                if (pattern.StartsWith("api/", StringComparison.Ordinal) || url.StartsWith("/Account/", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var form in await FormsAsync(client, url))
                {
                    generators.Add(() => PostAsync(client, form, random));
                }
            }
        }

        var failures = new List<string>();
        last = await FingerprintAsync();
        for (var i = 0; i < Cases; i++)
        {
            if (await generators[i % generators.Count]() is { } failure)
            {
                failures.Add($"case {i}: {failure}");
            }
        }

        Assert.True(failures.Count == 0, $"seed {Seed}, {Cases} cases over {generators.Count} generators; {failures.Count} failures:\n"
            + string.Join("\n", failures.Take(30)));
    }

    [Fact]
    public async Task The_fuzz_covers_every_page_and_api_route_of_the_app()
    {
        var covered = (await TargetsAsync()).Select(t => t.Pattern).ToHashSet(StringComparer.Ordinal);
        var routes = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null || (e.RoutePattern.RawText ?? "").StartsWith("/api/", StringComparison.Ordinal))
            .Select(e => (e.RoutePattern.RawText ?? "").TrimStart('/'))
            // An index page also answers under its folder's name, which the fuzz visits.
            .Where(r => !r.EndsWith("/Index", StringComparison.Ordinal))
            .Distinct().ToList();
        var missing = routes.Where(r => !covered.Contains(r)).ToList();
        Assert.True(missing.Count == 0, "Routes the fuzz does not reach: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task No_page_holds_inline_script_or_style_that_the_content_security_policy_would_block()
    {
        var admin = await app.As(Demo.Admin);
        var offending = new List<string>();
        foreach (var (_, url) in (await TargetsAsync()).Where(t => !t.Pattern.StartsWith("api/", StringComparison.Ordinal)))
        {
            using var response = await admin.GetAsync(url);
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var page = await response.Content.ReadAsStringAsync();
            if (InlineStyleOrScript().Match(page) is { Success: true } found)
            {
                offending.Add($"{url}: …{page[Math.Max(0, found.Index - 80)..Math.Min(page.Length, found.Index + 40)]}…");
            }
        }

        Assert.True(offending.Count == 0, string.Join("\n", offending));
    }

    /// <summary>Every route pattern with a URL that reaches a real record of the demo data.</summary>
    private async Task<List<(string Pattern, string Url)>> TargetsAsync()
    {
        var ids = await app.QueryAsync(async db => new Dictionary<string, int>
        {
            // By id, not by name: the fuzz's own accepted posts rename records.
            ["product"] = await db.Products.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
            ["subject"] = await db.Subjects.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
            ["authority"] = await db.IssuingAuthorities.OrderBy(a => a.Id).Select(a => a.Id).FirstOrDefaultAsync(),
            ["signatory"] = await db.Signatories.OrderBy(a => a.Id).Select(a => a.Id).FirstOrDefaultAsync(),
            ["village"] = await db.CraftVillages.OrderBy(v => v.Id).Select(v => v.Id).FirstAsync(),
            ["category"] = await db.ProductCategories.Where(c => c.Code == Demo.RiceProductsCategory).Select(c => c.Id).FirstAsync(),
            ["certificate"] = await db.Certificates.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            ["cycle"] = await db.CycleEntries.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            ["dossier"] = await db.Dossiers.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(),
            ["document"] = await db.DossierDocuments.OrderBy(d => d.Id).Select(d => d.Id).FirstOrDefaultAsync(),
            ["plan"] = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
            ["support"] = await db.SupportRecords.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
            ["target"] = await db.PlanTargets.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(),
            ["round"] = await db.RoundProducts.OrderBy(p => p.Id).Select(p => p.RoundId).FirstAsync(),
            ["roundProduct"] = await db.RoundProducts.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
            ["recognition"] = await db.Recognitions.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(),
            ["sheet"] = await db.Scoresheets.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
            ["basis"] = await db.LegalBases.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync(),
            ["task"] = await db.PlanTasks.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(),
            ["attachment"] = await db.TaskAttachments.OrderBy(t => t.Id).Select(t => t.Id).FirstOrDefaultAsync(),
            ["photo"] = await db.ProductPhotos.OrderBy(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync(),
            ["publicProduct"] = await db.Certificates.OrderBy(c => c.Id).Select(c => c.ProductId).FirstAsync(),
            ["policy"] = await db.SupportPolicies.OrderBy(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync(),
            ["budget"] = await db.BudgetAllocations.OrderBy(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync(),
            ["sectionFile"] = await db.SectionFiles.OrderBy(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync(),
            ["training"] = await db.TrainingEvents.OrderBy(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync(),
            ["fair"] = await db.TradeFairs.OrderBy(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync(),
            ["salesPoint"] = await db.SalesPoints.OrderBy(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync(),
            ["listing"] = await db.EcommerceListings.OrderBy(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync(),
            ["tourismPoint"] = await db.TourismPoints.OrderBy(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync(),
            ["route"] = await db.TourismRoutes.OrderBy(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync(),
            ["ipTitle"] = await db.IpTitles.OrderBy(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync(),
            ["trace"] = await db.Traceability.OrderBy(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync(),
            ["area"] = await db.RawMaterialAreas.OrderBy(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync(),
            ["reward"] = await db.Rewards.OrderBy(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync(),
        });
        var certificateNumber = Uri.EscapeDataString(await app.QueryAsync(db => db.Certificates.OrderBy(c => c.Id).Select(c => c.Number).FirstAsync()));
        var user = await FuzzUserAsync();
        string I(string key) => ids[key].ToString(CultureInfo.InvariantCulture);
        return
        [
            ("", "/"), ("Account/AccessDenied", "/Account/AccessDenied"), ("Account/Login", "/Account/Login"),
            ("Account/Logout", "/Account/Logout"), ("Account/Password", "/Account/Password"),
            ("Admin/Users/Edit/{id?}", $"/Admin/Users/Edit/{user}"), ("Admin/Users/Edit/{id?}", "/Admin/Users/Edit"), ("Admin/Users", "/Admin/Users"),
            ("History/{type}/{id}", $"/History/Product/{I("product")}"), ("History/{type}/{id}", $"/History/EvaluationRound/{I("round")}"),
            ("Audit/Search", "/Audit/Search"),
            ("Certificates/Details/{id:int}", $"/Certificates/Details/{I("certificate")}"), ("Certificates", "/Certificates"),
            ("CraftVillages/Edit/{id:int?}", $"/CraftVillages/Edit/{I("village")}"), ("CraftVillages/Edit/{id:int?}", "/CraftVillages/Edit"), ("CraftVillages", "/CraftVillages"),
            ("Cycle/Create", "/Cycle/Create"), ("Cycle/Details/{id:int}", $"/Cycle/Details/{I("cycle")}"), ("Cycle", "/Cycle"),
            ("Dossiers/Checklist", "/Dossiers/Checklist"), ("Dossiers/Create/{productId:int}", $"/Dossiers/Create/{I("product")}"),
            ("Dossiers/Details/{id:int}", $"/Dossiers/Details/{I("dossier")}"), ("Dossiers/File/{id:int}", $"/Dossiers/File/{I("document")}"), ("Dossiers", "/Dossiers"),
            ("Planning/Dashboard", "/Planning/Dashboard"), ("Planning/Details/{id:int}", $"/Planning/Details/{I("plan")}"), ("Planning", "/Planning"),
            ("Planning/Indicators", "/Planning/Indicators"), ("Planning/Records", "/Planning/Records"),
            ("Planning/Support/Edit/{id:int?}", $"/Planning/Support/Edit/{I("support")}"), ("Planning/Support/Edit/{id:int?}", "/Planning/Support/Edit"),
            ("Planning/Support", "/Planning/Support"), ("Planning/Target/{id:int?}", $"/Planning/Target/{I("target")}"),
            ("Planning/Target/{id:int?}", $"/Planning/Target?plan={I("plan")}"),
            ("Products/Details/{id:int}", $"/Products/Details/{I("product")}"), ("Products/Edit/{id:int?}", $"/Products/Edit/{I("product")}"),
            ("Products/Edit/{id:int?}", "/Products/Edit"), ("Products", "/Products"), ("Products/Photo/{id:int}", $"/Products/Photo/{I("photo")}"),
            ("Recognitions/Create", $"/Recognitions/Create?round={I("round")}"), ("Recognitions/Details/{id:int}", $"/Recognitions/Details/{I("recognition")}"),
            ("Recognitions", "/Recognitions"), ("Reports", "/Reports"),
            ("Rounds/Details/{id:int}", $"/Rounds/Details/{I("round")}"), ("Rounds/Edit/{id:int?}", $"/Rounds/Edit/{I("round")}"), ("Rounds/Edit/{id:int?}", "/Rounds/Edit"),
            ("Rounds", "/Rounds"), ("Rounds/{id:int}/Minutes", $"/Rounds/{I("round")}/Minutes"), ("Rounds/Proposals", "/Rounds/Proposals"),
            ("Rounds/{id:int}/Results", $"/Rounds/{I("round")}/Results"), ("Rounds/{id:int}/Score/{roundProductId:int}", $"/Rounds/{I("round")}/Score/{I("roundProduct")}"),
            ("Scoresheets/Details/{id:int}", $"/Scoresheets/Details/{I("sheet")}"), ("Scoresheets/Edit/{id:int}", $"/Scoresheets/Edit/{I("sheet")}"),
            ("Scoresheets/EditLegalBasis/{id:int}", $"/Scoresheets/EditLegalBasis/{I("basis")}"), ("Scoresheets/Import", "/Scoresheets/Import"),
            ("Scoresheets", "/Scoresheets"), ("Scoresheets/LegalBases", "/Scoresheets/LegalBases"),
            ("Subjects/Details/{id:int}", $"/Subjects/Details/{I("subject")}"), ("Subjects/Edit/{id:int?}", $"/Subjects/Edit/{I("subject")}"),
            ("Subjects/Edit/{id:int?}", "/Subjects/Edit"), ("Subjects", "/Subjects"),
            ("Tasks/Details/{id:int}", $"/Tasks/Details/{I("task")}"), ("Tasks/Edit/{id:int?}", $"/Tasks/Edit/{I("task")}"), ("Tasks/Edit/{id:int?}", "/Tasks/Edit"),
            ("Tasks/File/{id:int}", $"/Tasks/File/{I("attachment")}"), ("Tasks", "/Tasks"), ("Tasks/Overdue", "/Tasks/Overdue"), ("Tasks/Problems", "/Tasks/Problems"),
            ("Taxonomy/Edit/{id:int}", $"/Taxonomy/Edit/{I("category")}"), ("Taxonomy", "/Taxonomy"), ("Units", "/Units"),
            ("api/v1/products", "/api/v1/products"), ("api/v1/products/{id:int}", $"/api/v1/products/{I("product")}"),
            ("api/v1/products/{id:int}/rankings", $"/api/v1/products/{I("product")}/rankings"), ("api/v1/certificates/{**number}", "/api/v1/certificates/1"),
            ("api/v1/subjects", "/api/v1/subjects"), ("api/v1/units", "/api/v1/units"), ("Admin/Office", "/Admin/Office"),
            ("Planning/Copy/{id:int}", $"/Planning/Copy/{I("plan")}"), ("Planning/Edit/{id:int?}", $"/Planning/Edit/{I("plan")}"),
            ("Planning/Edit/{id:int?}", "/Planning/Edit"),
            ("Documents/Authorities", "/Documents/Authorities"), ("Documents/AuthorityEdit/{id:int?}", $"/Documents/AuthorityEdit/{I("authority")}"),
            ("Documents/AuthorityEdit/{id:int?}", "/Documents/AuthorityEdit"), ("Documents/SignatoryEdit/{id:int?}", $"/Documents/SignatoryEdit/{I("signatory")}"), ("api/v1/plans", "/api/v1/plans"), ("api/v1/plans/{id:int}/targets", $"/api/v1/plans/{I("plan")}/targets"),
            ("Tokens", "/Tokens"), ("Import", "/Import"), ("Import/Job/{id:guid}", $"/Import/Job/{Guid.Empty}"), ("Exchange", "/Exchange"),
            ("api/v1/subjects/{id:int}", $"/api/v1/subjects/{I("subject")}"), ("api/v1/subjects/{id:int}/archive", $"/api/v1/subjects/{I("subject")}/archive"),
            ("api/v1/subjects/{id:int}/restore", $"/api/v1/subjects/{I("subject")}/restore"), ("api/v1/products/{id:int}/photos", $"/api/v1/products/{I("product")}/photos"),
            ("api/v1/products/{id:int}/archive", $"/api/v1/products/{I("product")}/archive"), ("api/v1/products/{id:int}/restore", $"/api/v1/products/{I("product")}/restore"),
            ("api/v1/exchange/certificates", "/api/v1/exchange/certificates"),
            ("api/v1/support/records/{id:int}", $"/api/v1/support/records/{I("support")}"), ("api/v1/support/records/", "/api/v1/support/records"),
            ("api/v1/support/records", "/api/v1/support/records?unit=86&pageSize=5"),
            ("api/v1/dossiers", "/api/v1/dossiers?unit=86&pageSize=5"), ("api/v1/dossiers/", "/api/v1/dossiers"),
            ("api/v1/dossiers/{id:int}", $"/api/v1/dossiers/{I("dossier")}"), ("api/v1/dossiers/{id:int}/submit", $"/api/v1/dossiers/{I("dossier")}/submit"),
            ("api/v1/dossiers/{id:int}/return", $"/api/v1/dossiers/{I("dossier")}/return"), ("api/v1/dossiers/{id:int}/accept", $"/api/v1/dossiers/{I("dossier")}/accept"),
            ("api/v1/dossiers/{id:int}/documents", $"/api/v1/dossiers/{I("dossier")}/documents"),
            ("api/v1/dossiers/{id:int}/documents/{documentId:int}", $"/api/v1/dossiers/{I("dossier")}/documents/{I("document")}"),
            ("api/v1/dossiers/{id:int}/documents/{documentId:int}/archive", $"/api/v1/dossiers/{I("dossier")}/documents/{I("document")}/archive"),
            ("api/v1/subjects/", "/api/v1/subjects"), ("api/v1/products/", "/api/v1/products"),
            ("api/v1/scoresheets", "/api/v1/scoresheets"), ("api/v1/scoresheets/{id:int}", $"/api/v1/scoresheets/{I("sheet")}"),
            ("EvaluationCalendar", "/EvaluationCalendar"), ("EvaluationCalendar/Holidays", "/EvaluationCalendar/Holidays"),
            ("en", "/en"), ("san-pham", "/san-pham"), ("en/products", "/en/products"),
            ("san-pham/{id:int}/{slug?}", $"/san-pham/{I("publicProduct")}"), ("en/products/{id:int}/{slug?}", $"/en/products/{I("publicProduct")}/ten-cu"),
            ("ban-do", "/ban-do"), ("en/map", "/en/map"), ("kiem-tra-chung-nhan", $"/kiem-tra-chung-nhan?number={certificateNumber}"),
            ("en/certificate-check", $"/en/certificate-check?number={certificateNumber}"), ("Public/Labels", "/Public/Labels"),
            ("anh-san-pham/{id:int}", $"/anh-san-pham/{I("photo")}"), ("ma-qr/{id:int}.png", $"/ma-qr/{I("publicProduct")}.png"),
            ("01/{gtin}/{**qualifiers}", "/01/08930000000019"), ("sitemap.xml", "/sitemap.xml"), ("robots.txt", "/robots.txt"),
            // Section III registers (issue 15): each list, its form for a record and a new one, and its API.
            ("Support", "/Support"), ("Support/Policies", "/Support/Policies"), ("Support/PolicyEdit/{id:int?}", $"/Support/PolicyEdit/{I("policy")}"),
            ("Support/PolicyEdit/{id:int?}", "/Support/PolicyEdit"), ("Support/Budgets", "/Support/Budgets"),
            ("Support/BudgetEdit/{id:int?}", $"/Support/BudgetEdit/{I("budget")}"), ("Support/BudgetEdit/{id:int?}", "/Support/BudgetEdit"),
            ("Support/File/{id:int}", $"/Support/File/{I("sectionFile")}"), ("Support/Product/{id:int}", $"/Support/Product/{I("product")}"),
            ("Training", "/Training"), ("Training/Edit/{id:int?}", $"/Training/Edit/{I("training")}"), ("Training/Edit/{id:int?}", "/Training/Edit"),
            ("Promotion/Fairs", "/Promotion/Fairs"), ("Promotion/FairEdit/{id:int?}", $"/Promotion/FairEdit/{I("fair")}"), ("Promotion/FairEdit/{id:int?}", "/Promotion/FairEdit"),
            ("Promotion/SalesPoints", "/Promotion/SalesPoints"), ("Promotion/SalesPointEdit/{id:int?}", $"/Promotion/SalesPointEdit/{I("salesPoint")}"),
            ("Promotion/SalesPointEdit/{id:int?}", "/Promotion/SalesPointEdit"),
            ("Promotion/Listings", "/Promotion/Listings"), ("Promotion/ListingEdit/{id:int?}", $"/Promotion/ListingEdit/{I("listing")}"), ("Promotion/ListingEdit/{id:int?}", "/Promotion/ListingEdit"),
            ("Promotion/TourismPoints", "/Promotion/TourismPoints"), ("Promotion/TourismPointEdit/{id:int?}", $"/Promotion/TourismPointEdit/{I("tourismPoint")}"),
            ("Promotion/TourismPointEdit/{id:int?}", "/Promotion/TourismPointEdit"),
            ("Promotion/Routes", "/Promotion/Routes"), ("Promotion/RouteEdit/{id:int?}", $"/Promotion/RouteEdit/{I("route")}"), ("Promotion/RouteEdit/{id:int?}", "/Promotion/RouteEdit"),
            ("Protection/Titles", "/Protection/Titles"), ("Protection/TitleEdit/{id:int?}", $"/Protection/TitleEdit/{I("ipTitle")}"), ("Protection/TitleEdit/{id:int?}", "/Protection/TitleEdit"),
            ("Protection/Traceability", "/Protection/Traceability"), ("Protection/TraceabilityEdit/{id:int?}", $"/Protection/TraceabilityEdit/{I("trace")}"),
            ("Protection/TraceabilityEdit/{id:int?}", "/Protection/TraceabilityEdit"),
            ("ValueChains/Areas", "/ValueChains/Areas"), ("ValueChains/AreaEdit/{id:int?}", $"/ValueChains/AreaEdit/{I("area")}"), ("ValueChains/AreaEdit/{id:int?}", "/ValueChains/AreaEdit"),
            ("ValueChains/Rewards", "/ValueChains/Rewards"), ("ValueChains/RewardEdit/{id:int?}", $"/ValueChains/RewardEdit/{I("reward")}"), ("ValueChains/RewardEdit/{id:int?}", "/ValueChains/RewardEdit"),
            ("api/v1/support/policies", "/api/v1/support/policies"), ("api/v1/support/budgets", "/api/v1/support/budgets"), ("api/v1/training", "/api/v1/training"),
            ("api/v1/trade-fairs", "/api/v1/trade-fairs"), ("api/v1/sales-points", "/api/v1/sales-points"), ("api/v1/ecommerce-listings", "/api/v1/ecommerce-listings"),
            ("api/v1/tourism/points", "/api/v1/tourism/points"), ("api/v1/tourism/routes", "/api/v1/tourism/routes"), ("api/v1/ip-titles", "/api/v1/ip-titles"),
            ("api/v1/traceability", "/api/v1/traceability"), ("api/v1/raw-material-areas", "/api/v1/raw-material-areas"), ("api/v1/rewards", "/api/v1/rewards"),
        ];
    }

    /// <summary>A user of its own for the user form: the fuzz must not change the administrator it signs in as.</summary>
    private async Task<string> FuzzUserAsync()
    {
        if (await app.QueryAsync(db => db.Users.AnyAsync(u => u.UserName == "fuzz.nguoidung")))
        {
            return await app.UserIdAsync("fuzz.nguoidung");
        }

        var result = await app.WithUsersAsync(users => users.CreateAsync(
            new AppUser { UserName = "fuzz.nguoidung", FullName = "Người dùng thử nghiệm", Role = Role.Leader }, "Fuzz@matkhau2025"));
        Assert.True(result.Succeeded);
        return await app.UserIdAsync("fuzz.nguoidung");
    }

    private static async Task<List<HtmlForm>> FormsAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return [];
        }

        var html = await response.Content.ReadAsStringAsync();
        var forms = new List<HtmlForm>();
        foreach (var handler in HandlerPattern().Matches(html).Select(m => (string?)m.Groups[1].Value).Distinct().Prepend(null))
        {
            try
            {
                var form = HtmlForm.Read(html, url, handler);
                if (!form.Action.StartsWith("/Account/", StringComparison.Ordinal))
                {
                    forms.Add(form);
                }
            }
            catch (Xunit.Sdk.XunitException)
            {
                // The page has no such post form (the handler was only in a link).
            }
        }

        return forms;
    }

    private async Task<string?> GetAsync(HttpClient client, string url, Random random)
    {
        var query = string.Join("&", Enumerable.Range(0, random.Next(1, 4))
            .Select(_ => Uri.EscapeDataString(QueryNames[random.Next(QueryNames.Length)]) + "=" + Uri.EscapeDataString(Junk(random))));
        var target = url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
        var before = last;
        using var response = await client.GetAsync(target);
        last = await FingerprintAsync();
        if ((int)response.StatusCode >= 500)
        {
            return $"GET {target} answered {(int)response.StatusCode}: {Cause(await response.Content.ReadAsStringAsync())}";
        }

        return before != last ? $"GET {target} changed the database" : null;
    }

    private async Task<string?> PostAsync(HttpClient client, HtmlForm form, Random random)
    {
        var fields = form.Fields.Where(f => f.Key != HtmlForm.TokenField).Select(f => f.Key).Distinct().ToList();
        var posted = form.Fields.ToList();
        var changed = new List<string>();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var name = fields.Count > 0 && random.Next(8) > 0 ? fields[random.Next(fields.Count)] : "Input.Extra" + random.Next(100).ToString(CultureInfo.InvariantCulture);
            var value = Junk(random);
            posted.RemoveAll(f => f.Key == name);
            if (random.Next(10) > 0)
            {
                posted.Add(new(name, value));
                changed.Add($"{name}={Shorten(value)}");
            }
            else
            {
                changed.Add($"{name} left out");
            }
        }

        var before = last;
        using var content = new FormUrlEncodedContent(posted);
        using var response = await client.PostAsync(form.Action, content);
        last = await FingerprintAsync();
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return $"POST {form.Action} [{string.Join(", ", changed)}] answered {status}: {Cause(await response.Content.ReadAsStringAsync())}";
        }

        var refused = status is not (302 or 303);
        return refused && before != last
            ? $"POST {form.Action} [{string.Join(", ", changed)}] answered {status} and changed the database"
            : null;
    }

    private static string Junk(Random random) => random.Next(26) switch
    {
        0 => "",
        1 => "   ",
        2 => "\u0001",
        3 => "Tên\u0000có NUL",
        4 => new string('x', random.Next(256, 5000)),
        5 => "-1",
        6 => "2147483648",
        7 => "9223372036854775808",
        8 => "-2147483649",
        9 => "0001-01-01",
        10 => "9999-12-31",
        11 => "31/02/2024",
        12 => "1e308",
        13 => "NaN",
        14 => "<script>alert(1)</script>",
        15 => "' OR 1=1 --",
        16 => "ảnh\u202Egnp.exe",
        17 => "Bánh tét 🎍 lá cẩm",
        18 => "../../etc/passwd",
        19 => "true",
        20 => random.Next(-1_000_000, 1_000_000).ToString(CultureInfo.InvariantCulture),
        21 => "50,5",
        22 => "\uFFFF",
        23 => "0",
        24 => random.Next(1, 40).ToString(CultureInfo.InvariantCulture),
        _ => "2025-07-01",
    };

    /// <summary>The database as the previous case left it: each case compares against it, then leaves its own.</summary>
    private string last = "";

    private Task<string> FingerprintAsync() => app.QueryAsync(DatabaseFingerprint.OfAsync);

    /// <summary>The exception and the app's own frame where it was thrown, from a Development error page.</summary>
    private static string Cause(string page)
    {
        var lines = WebUtility.HtmlDecode(page).Split('\n');
        return string.Join(" @ ", lines.Where(l => l.StartsWith("System.", StringComparison.Ordinal)).Take(1)
            .Concat(lines.Where(l => l.Contains("at Ocop.Web.", StringComparison.Ordinal)).Take(1)).Select(l => l.Trim()));
    }

    private static string Shorten(string value) => value.Length <= 20 ? value : value[..20] + "…";

    [GeneratedRegex(@"\sstyle=""|<style|<script(?![^>]*\ssrc=)[^>]*>|\son[a-z]+=""|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyleOrScript();

    [GeneratedRegex(@"<form[^>]*method=""post""[^>]*action=""[^""]*handler=(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex HandlerPattern();
}
