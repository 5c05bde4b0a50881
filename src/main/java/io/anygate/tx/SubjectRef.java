package io.anygate.tx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** TX {@code subject-SubjectRef}: a person or company, by internal {@code id} and/or reference {@code rid}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubjectRef(Long id, String rid) {

    public static SubjectRef ofId(long id) {
        return new SubjectRef(id, null);
    }

    public static SubjectRef ofRid(String rid) {
        return new SubjectRef(null, rid);
    }
}
