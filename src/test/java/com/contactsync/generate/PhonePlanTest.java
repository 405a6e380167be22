package com.contactsync.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

class PhonePlanTest {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    @Test
    void wellFormedNumbersAreValidForLibphonenumberInEveryCountry() throws NumberParseException {
        SplittableRandom random = new SplittableRandom(3);
        for (PhonePlan plan : PhonePlan.values()) {
            int valid = 0;
            for (int i = 0; i < 1_000; i++) {
                String number = MessyPhones.wellFormed(random, plan);
                String digits = number.startsWith("00") ? "+" + number.substring(2) : number;
                if (PHONES.isValidNumber(PHONES.parse(digits, plan.region()))) {
                    valid++;
                }
            }
            assertThat(valid).as("valid numbers of %s", plan).isGreaterThan(970);
        }
    }
}
