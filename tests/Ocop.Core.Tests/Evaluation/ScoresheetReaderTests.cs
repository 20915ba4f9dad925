using Ocop.Core.Evaluation;

namespace Ocop.Core.Tests.Evaluation;

public class ScoresheetReaderTests
{
    [Theory]
    [InlineData("148/2023", 26, 798)]
    [InlineData("26/2026", 26, 790)]
    public void The_real_files_hold_26_product_sets_each(string basis, int sheets, int scoredCriteria)
    {
        var file = RealSheets.For(basis);
        Assert.Empty(file.Errors);
        Assert.Equal(sheets, file.Sheets.Count);
        Assert.Equal(Enumerable.Range(1, 26), file.Sheets.Select(s => s.ProductSetNumber));
        Assert.Equal(scoredCriteria, file.Sheets.Sum(s => s.ScoredCriteria.Count()));
        Assert.All(file.Sheets, s =>
        {
            Assert.Equal(basis, s.LegalBasisCode);
            Assert.False(s.Verified);                       // "not yet verified against the gazette"
            Assert.Equal(1, s.Version);
            Assert.Equal(LegalBases.ByCode(basis)!.EffectiveFrom, s.EffectiveFrom);
            Assert.Contains("gazette", s.Provenance, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(s.ProductSetCode));
            Assert.Equal(["A", "B", "C"], s.Parts.Select(p => p.Code));
        });
    }

    [Theory]
    [InlineData("148/2023", 3, 83)]
    [InlineData("148/2023", 4, 261)]
    [InlineData("148/2023", 5, 199)]
    [InlineData("26/2026", 3, 179)]   // the counts the domain notes give for Appendix II
    [InlineData("26/2026", 4, 290)]
    [InlineData("26/2026", 5, 106)]
    public void Starred_options_are_read_as_star_minimums(string basis, int star, int count) =>
        Assert.Equal(count, RealSheets.For(basis).Sheets.Sum(s => StarMinimums.Of(s).Count(m => m.Star == star && !m.AboveZero)));

    [Fact]
    public void Intellectual_property_is_required_for_4_stars_in_every_148_sheet()
    {
        var whole = RealSheets.Of148.Sheets.SelectMany(StarMinimums.Of).Where(m => m.AboveZero).ToList();
        Assert.Equal(26, whole.Count);
        Assert.All(whole, m =>
        {
            Assert.Equal(4, m.Star);
            Assert.Contains("Sở hữu trí tuệ", m.CriterionText, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(RealSheets.Of26.Sheets.SelectMany(StarMinimums.Of), m => m.AboveZero);
    }

    // The sets that come back as drafts, and why: everything else is published (and unverified).
    [Theory]
    [InlineData("148/2023", new[] { 11, 12, 13, 17, 18 })]
    [InlineData("26/2026", new[] { 4, 7, 10, 11 })]
    public void Sheets_with_source_errors_come_back_as_drafts(string basis, int[] drafts)
    {
        var file = RealSheets.For(basis);
        Assert.Equal(drafts, file.Sheets.Where(s => s.Status == ScoresheetStatus.Draft).Select(s => s.ProductSetNumber));
        Assert.All(file.Sheets.Where(s => s.Status == ScoresheetStatus.Published), s =>
            Assert.True(ScoresheetChecks.CanPublish(ScoresheetChecks.ForPublishing(s, LegalBases.ByCode(basis)!))));
    }

    [Theory]
    [InlineData("148/2023", 7, "max-unreachable", IssueSeverity.Warning, "Tiêu chí C1.d")]   // best option 3 of max 4
    [InlineData("148/2023", 11, "part-sum", IssueSeverity.Error, "Phần C")]                  // part C sums to 32
    [InlineData("148/2023", 12, "part-sum", IssueSeverity.Error, "Phần C")]                  // 32
    [InlineData("148/2023", 13, "part-sum", IssueSeverity.Error, "Phần C")]                  // 33
    [InlineData("148/2023", 13, "duplicate-code", IssueSeverity.Warning, "Tiêu chí C1.a_2")] // five rows coded C1.a
    [InlineData("148/2023", 17, "points-not-a-number", IssueSeverity.Error, "Tiêu chí A1.d › Phương án 2")] // "l"
    [InlineData("148/2023", 18, "points-not-a-number", IssueSeverity.Error, "Tiêu chí A1.b › Phương án 2")] // "t"
    [InlineData("148/2023", 18, "duplicate-code", IssueSeverity.Warning, "Tiêu chí A3.c_2")] // IP printed as a second c)
    [InlineData("148/2023", 19, "duplicate-code", IssueSeverity.Warning, "Tiêu chí A3.c_2")]
    [InlineData("26/2026", 4, "option-above-max", IssueSeverity.Error, "Tiêu chí C2.1 › Phương án 3")]   // printed 13, max 3
    [InlineData("26/2026", 11, "option-above-max", IssueSeverity.Error, "Tiêu chí C1.1.1 › Phương án 2")] // printed 11, max 2
    [InlineData("26/2026", 4, "points-blank", IssueSeverity.Error, "Tiêu chí A1.2 › Phương án 1")]
    [InlineData("26/2026", 7, "points-blank", IssueSeverity.Error, "Tiêu chí A1.2 › Phương án 1")]
    [InlineData("26/2026", 10, "points-blank", IssueSeverity.Error, "Tiêu chí A1.2 › Phương án 1")]
    [InlineData("26/2026", 11, "points-blank", IssueSeverity.Error, "Tiêu chí A1.2 › Phương án 1")]
    [InlineData("26/2026", 1, "options-inferred", IssueSeverity.Warning, "Tiêu chí A2.4")]  // bilingual label, no options printed
    [InlineData("26/2026", 21, "options-inferred", IssueSeverity.Warning, "Tiêu chí A2.3")]
    [InlineData("26/2026", 26, "source-remark", IssueSeverity.Info, "Phần A")]              // heading says 35, cell 40
    [InlineData("26/2026", 23, "source-remark", IssueSeverity.Info, "Nhóm C4")]             // "4" and "1" in one cell
    public void Known_gaps_of_the_data_are_reported_where_they_are(string basis, int set, string kind, IssueSeverity severity, string location)
    {
        var gaps = RealSheets.Sheet(basis, set).KnownGaps;
        Assert.Contains(gaps, g => g.Kind == kind && g.Severity == severity && g.Location.EndsWith(location, StringComparison.Ordinal));
    }

    [Fact]
    public void The_bilingual_label_criterion_is_read_as_yes_1_no_0_in_sets_1_to_22()
    {
        var inferred = RealSheets.Of26.Sheets.Where(s => s.KnownGaps.Any(g => g.Kind == "options-inferred")).Select(s => s.ProductSetNumber);
        Assert.Equal(Enumerable.Range(1, 22), inferred);

        var criterion = RealSheets.Sheet("26/2026", 1).FindScored("A2.4")!.Leaf;
        Assert.Equal([Points.Zero, Points.FromWhole(1)], criterion.Options.Select(o => o.Points!.Value));
    }

    [Fact]
    public void Printed_values_are_kept_as_printed_not_silently_corrected()
    {
        var typo = RealSheets.Sheet("26/2026", 4).FindScored("C2.1")!.Leaf.Options.Single(o => o.Number == 3);
        Assert.Equal(Points.FromWhole(13), typo.Points);
        Assert.Null(RealSheets.Sheet("26/2026", 7).FindScored("A1.2")!.Leaf.Option(1)!.Points);
        Assert.Null(RealSheets.Sheet("148/2023", 17).FindScored("A1.d")!.Leaf.Option(2)!.Points);
    }

    [Fact]
    public void A_check_does_not_repeat_an_error_the_reader_already_reported()
    {
        var gaps = RealSheets.Sheet("148/2023", 17).KnownGaps.Where(g => g.Severity == IssueSeverity.Error).ToList();
        Assert.Single(gaps);
    }

    [Theory]
    [InlineData("148/2023")]
    [InlineData("26/2026")]
    public void Tourism_scores_one_of_two_cases_in_three_groups(string basis)
    {
        var tourism = RealSheets.Sheet(basis, 26);
        Assert.Equal("VI.1", tourism.ProductSetCode);
        var chooseOne = tourism.Parts.SelectMany(p => p.Groups).Where(g => g.ChooseOne).ToList();
        Assert.Equal(["C3", "C4", "C10"], chooseOne.Select(g => g.Code));
        Assert.All(chooseOne, g => Assert.Equal(2, g.Criteria.Count));
    }

    [Fact]
    public void Tea_in_148_is_scored_through_sub_criteria()
    {
        var appearance = RealSheets.Sheet("148/2023", 11).Parts.Single(p => p.Code == "C").Groups[0].Criteria.Single(c => c.Code == "C1.a");
        Assert.True(appearance.HasSubCriteria);
        Assert.Equal(["C1.a.1", "C1.a.2"], appearance.SubCriteria.Select(s => s.Code));
        Assert.Empty(appearance.Options);
    }

    [Theory]
    [InlineData("148/2023")]
    [InlineData("26/2026")]
    public void Every_published_sheet_scores_100_with_the_best_option_everywhere(string basis)
    {
        Assert.All(RealSheets.For(basis).Sheets.Where(s => s.Status == ScoresheetStatus.Published && !s.KnownGaps.Any(g => g.Kind == "max-unreachable")), sheet =>
        {
            var score = SheetScoring.Score(sheet, TestSheets.Best(sheet));
            Assert.True(score.IsComplete);
            Assert.Equal(Points.FromWhole(100), score.Total);
            Assert.Equal(["40", "25", "35"], score.Parts.Select(p => p.Points.ToString()));
        });
    }

    [Theory]
    [InlineData("26/2026/QĐ-TTg (22/05/2026), Phụ lục II", "148/2023")]
    [InlineData("148/QĐ-TTg (24/02/2023), Phụ lục III", "26/2026")]
    public void A_file_of_another_legal_basis_is_refused(string basisText, string chosen)
    {
        var file = ScoresheetReader.Read($$"""{ "legalBasis": "{{basisText}}", "productSets": [] }""", LegalBases.ByCode(chosen)!);
        Assert.Empty(file.Sheets);
        Assert.Contains(file.Errors, e => e.Kind == "basis-mismatch");
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[]")]
    [InlineData("""{ "legalBasis": "148/QĐ-TTg (24/02/2023)" }""")]
    public void A_malformed_file_is_an_error_not_an_exception(string json)
    {
        var file = ScoresheetReader.Read(json, LegalBases.Decision148Of2023);
        Assert.Empty(file.Sheets);
        Assert.Single(file.Errors);
        Assert.Equal(IssueSeverity.Error, file.Errors[0].Severity);
    }
}
