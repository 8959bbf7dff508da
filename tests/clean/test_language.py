from corroborate.clean import detect_language


def test_detects_english_spanish_and_german_and_abstains_on_scraps() -> None:
    assert detect_language("The harbour authority said on Monday that the dock strike had stopped all traffic.") == "en"
    assert (
        detect_language("Las autoridades del puerto dijeron el lunes que la huelga había detenido el tráfico.") == "es"
    )
    assert detect_language("Die Hafenbehörde sagte am Montag, der Streik habe den gesamten Verkehr gestoppt.") == "de"
    assert detect_language("12 34 ok") is None
