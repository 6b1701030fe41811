"""The quote feature: quotes (extract_quotes), quote_spans, quote_after, quote_attribution, quote_narration,
quote_subjects, speech_verbs, and who speaks: speakers, speaker_history, speaker_gender (given_names, its
census table of given names), speaker_titles, speaker_words.

Pure functions over text and lxml trees: may import the standard library, lxml and scraper.extract's
shared modules (text, document); never Scrapy or the rest of scraper/.
"""
