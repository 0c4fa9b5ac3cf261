/// The questionnaire and the wave administration: questions, choices, grids and the review page.
enum QuestionnaireStyles {
    static let css = """
        fieldset { border: 0; padding: 0; margin: var(--ds-size-6) 0; min-width: 0; }
        legend { font-weight: var(--ds-font-weight-semibold); padding: 0; max-width: 48rem; }
        .question { margin: var(--ds-size-6) 0; max-width: 48rem; }
        .question-note { max-width: 48rem; padding: var(--ds-size-3) var(--ds-size-5); background: var(--bg-soft);
          border-radius: var(--ds-border-radius-md); }
        .choice { display: flex; align-items: flex-start; gap: var(--ds-size-2); margin: var(--ds-size-2) 0; }
        .choice input { width: 1.35rem; height: 1.35rem; margin: .1rem 0 0; flex: none;
          accent-color: var(--ds-color-accent-base-default); }
        .choice label { font-weight: var(--ds-font-weight-regular); margin: 0; }
        .grid-row { border-top: 1px solid var(--line); padding-top: var(--ds-size-3); margin: var(--ds-size-3) 0; }
        .grid-choices { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: var(--ds-size-1) var(--ds-size-4); }
        .wave-form input[type=text], .wave-form input[type=email], .wave-form textarea, .wave-form select {
          width: min(36rem, 100%); }
        .wave-form input.short { width: 8rem; }
        .wave-form fieldset.group { border: 1px solid var(--line); border-radius: var(--ds-border-radius-lg);
          padding: var(--ds-size-1) var(--ds-size-5) var(--ds-size-4); max-width: 40rem; }
        .wave-form fieldset.group legend { padding: 0 var(--ds-size-2); }
        .links-table .action { white-space: nowrap; }
        .links-table code { overflow-wrap: anywhere; }
        .review-list dt { font-weight: var(--ds-font-weight-semibold); margin-top: var(--ds-size-2); }
        .review-list dd { margin: 0 0 var(--ds-size-1) 0; }
        .review-section { border-top: 1px solid var(--line); margin-top: var(--ds-size-4); }
        @media (max-width: 40rem) {
          .grid-choices { grid-template-columns: 1fr; }
        }
        """
}
